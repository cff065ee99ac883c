/** Ids of the demo documents and people the browser scenarios use. */
import type { DemoDataset } from '@cydweithio/model/demo/index';

export function demoIds(dataset: DemoDataset) {
  const { cast } = dataset;
  const find = (what: string, predicate: (d: DemoDataset['documents'][number]) => boolean): string => {
    const found = dataset.documents.find(predicate);
    if (!found) throw new Error(`demo has no ${what}`);
    return found.record.id;
  };
  return {
    /** Unshared peer review hosted by the demo headteacher's primary school. */
    peerReview: find('unshared peer review', (d) => d.record.kind === 'peer-review' && d.record.peerReview?.hostSchoolId === cast.primaryId && !d.record.peerReview.sharedWithLa),
    selfEvaluation: find('self-evaluation', (d) => d.record.kind === 'self-evaluation' && d.record.owner.type === 'school' && d.record.owner.schoolId === cast.primaryId),
    clusterWorkspace: find('cluster workspace', (d) => d.record.kind === 'workspace' && d.record.owner.type === 'collaborative' && d.record.owner.collaborativeId === cast.clusterId),
    clusterId: cast.clusterId,
  };
}

export function documentPath(docId: string): string {
  return `/documents/${encodeURIComponent(docId)}`;
}
