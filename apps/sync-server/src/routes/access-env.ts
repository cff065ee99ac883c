/** The Hono environment of the access routes: what middleware puts in the context. */
export interface AccessEnv {
  Variables: {
    /** The signed-in person, or null (set by middleware/session.ts on every request). */
    personId: string | null;
  };
}
