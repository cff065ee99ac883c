/**
 * Query of our sync URLs under the open test authorizer (see
 * apps/sync-server/src/sync/open-authorizer.ts). `durable=1`: like the product's own client,
 * these clients ask for durable acknowledgements (SPEC S9).
 */
export const OURS_QUERY = '?name=bench&access=editor&durable=1';
