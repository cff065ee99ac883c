/**
 * The seam between the sync layer and the access layer. The sync layer never decides who may
 * do what: it asks a ConnectionAuthorizer on the HTTP upgrade and again whenever access changes.
 * The access layer (sessions, membership, the model's permission policy) implements it.
 */

/** What one connection may do with one document, resolved once at connect and on re-check. */
export type DocAccess = 'owner' | 'editor' | 'viewer';

/** The signed-in person behind a socket. The server stamps presence with this, never trusting the client. */
export interface ConnectionIdentity {
  personId: string;
  name: string;
  /** The role that grants access to this document, e.g. 'headteacher', 'la-facilitator'. */
  role: string;
  schoolName?: string;
  /**
   * The session that opened the socket: its id (the stored hash, never the cookie token) and
   * when it expires. The core closes the socket with `sessionEnded` at that time, or when the
   * access layer ends the session (sign-out). Absent for connections not tied to a session.
   */
  session?: { id: string; expiresAt: number };
}

export type AuthorizeResult =
  | { ok: true; identity: ConnectionIdentity; access: DocAccess }
  | { ok: false; status: 401 | 403 | 404; reason: string };

export interface UpgradeRequest {
  url: URL;
  headers: Headers;
}

export interface ConnectionAuthorizer {
  /** Called on the HTTP upgrade, before any socket exists. A refusal means no socket and no byte of the document. */
  authorize(request: UpgradeRequest, docId: string): Promise<AuthorizeResult>;
  /** Called for open connections when access may have changed. null: may no longer read. */
  recheck(identity: ConnectionIdentity, docId: string): Promise<DocAccess | null>;
}

export function canWrite(access: DocAccess): boolean {
  return access === 'owner' || access === 'editor';
}
