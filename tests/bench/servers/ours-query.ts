/** Query of our sync URLs under the open test authorizer (see apps/sync-server/src/sync/open-authorizer.ts). */
export const OURS_QUERY = '?name=bench&access=editor';
