import * as z from 'zod/mini';
import { apiJson, apiRequest, postJson } from '../../../api/http';
import { ReaderList } from '../../../api/schemas';

/** A comment as the comment routes give it (ACCESS.md A28, A100-A104). */
export const DocumentComment = z.looseObject({
  id: z.string(),
  parentId: z.nullable(z.string()),
  authorId: z.string(),
  authorName: z.nullable(z.string()),
  body: z.string(),
  range: z.nullable(z.object({ start: z.string(), end: z.string(), quote: z.string() })),
  mentions: z._default(z.array(z.looseObject({ personId: z.string(), name: z.nullable(z.string()) })), []),
  createdAt: z.string(),
  editedAt: z.nullable(z.string()),
  resolvedAt: z.nullable(z.string()),
  resolvedBy: z.nullable(z.string()),
});
export type DocumentComment = z.infer<typeof DocumentComment>;

const CommentList = z.looseObject({
  comments: z.array(DocumentComment),
  /** What the policy lets the signed-in person do here (A28). */
  may: z._default(z.looseObject({ comment: z.boolean(), edit: z.boolean() }), { comment: false, edit: false }),
});
export type CommentList = z.infer<typeof CommentList>;
const OneComment = z.looseObject({ comment: DocumentComment });

const base = (docId: string) => `/documents/${encodeURIComponent(docId)}/comments`;

export interface NewComment {
  body: string;
  range?: { start: string; end: string; quote: string } | undefined;
  parentId?: string | undefined;
  mentions?: string[] | undefined;
}

export const commentsApi = {
  list: (docId: string) => apiJson(CommentList, base(docId)),
  add: async (docId: string, comment: NewComment) => OneComment.parse(await (await postJson(base(docId), comment)).json()).comment,
  resolve: (docId: string, id: string) => postJson(`${base(docId)}/${encodeURIComponent(id)}/resolve`, {}),
  reopen: (docId: string, id: string) => postJson(`${base(docId)}/${encodeURIComponent(id)}/reopen`, {}),
  edit: (docId: string, id: string, body: string, mentions: string[]) => postJson(`${base(docId)}/${encodeURIComponent(id)}`, { body, mentions }, 'PATCH'),
  remove: (docId: string, id: string) => apiRequest(`${base(docId)}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  readers: (docId: string) => apiJson(ReaderList, `/documents/${encodeURIComponent(docId)}/readers`),
};
