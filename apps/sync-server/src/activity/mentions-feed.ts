/**
 * The comments' mentions as a source of the home feed (A128): the person's mentions of the last
 * fortnight (comments' own listMentionsFor, which re-checks each document against the policy),
 * kept to the documents this feed's policy pass allowed, in the feed's shape.
 */
import type { AccessServices } from '../access/services';
import { listMentionsFor } from '../comments/mentions';
import { FEED_DAYS, type FeedSource } from './feed';

/** The start of a comment shown beside the mention: the comment itself is one click away. */
const EXCERPT_CHARS = 160;

export function mentionsFeedSource(services: AccessServices): FeedSource {
  return {
    name: 'mentions',
    async items(personId, docs) {
      const byId = new Map(docs.map((d) => [d.record.id, d]));
      const since = new Date(services.clock() - FEED_DAYS * 24 * 60 * 60_000);
      const mentions = await listMentionsFor(services, personId, since, 30);
      return mentions.flatMap((m) => {
        const doc = byId.get(m.documentId);
        if (!doc) return [];
        return [{
          document: { id: doc.record.id, kind: doc.record.kind, title: doc.record.title, owner: doc.ownerName },
          by: { id: m.authorId, name: m.authorName ?? '' },
          at: m.createdAt,
          excerpt: m.body.length > EXCERPT_CHARS ? `${m.body.slice(0, EXCERPT_CHARS)}…` : m.body,
          commentId: m.commentId,
        }];
      });
    },
  };
}
