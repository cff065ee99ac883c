/**
 * Every close the sync core makes, in one table (SPEC S17): the code the client sees (from the
 * model's wire constants), the reason it is given, and, for refusals of a client's frame, the
 * label it is counted under in `cyd_sync_rejected_frames_total`. A handler that refuses a frame
 * throws a Refusal carrying its event; the core closes that one socket with it.
 */
import { CloseCode } from '@cydweithio/model';

export interface CloseEvent {
  code: number;
  reason: string;
  /** Set for refusals of a client's frame: the metric label. */
  metric?: string;
}

export const CloseEvents = {
  malformed: { code: CloseCode.malformedFrame, reason: 'malformed frame', metric: 'malformed' },
  textFrame: { code: CloseCode.malformedFrame, reason: 'text frame', metric: 'malformed' },
  handlerFailed: { code: CloseCode.malformedFrame, reason: 'frame could not be handled', metric: 'malformed' },
  tooLarge: { code: CloseCode.tooLarge, reason: 'document too large', metric: 'too-large' },
  rateLimited: { code: CloseCode.rateLimited, reason: 'rate limit exceeded', metric: 'rate-limited' },
  tooSlow: { code: CloseCode.rateLimited, reason: 'too slow to read', metric: 'too-slow' },
  accessRevoked: { code: CloseCode.accessRevoked, reason: 'access revoked' },
  recheckFailed: { code: CloseCode.loadFailed, reason: 'access could not be re-checked' },
  sessionEnded: { code: CloseCode.sessionEnded, reason: 'session ended' },
  sessionExpired: { code: CloseCode.sessionEnded, reason: 'session expired' },
  documentErased: { code: CloseCode.documentErased, reason: 'document erased' },
  loadFailed: { code: CloseCode.loadFailed, reason: 'document could not be loaded' },
  serverBusy: { code: CloseCode.loadFailed, reason: 'server busy' },
  tooManyConnections: { code: CloseCode.tooManyConnections, reason: 'too many connections on this document' },
  shuttingDown: { code: CloseCode.shuttingDown, reason: 'server shutting down' },
} as const satisfies Record<string, CloseEvent>;

/** A client's frame refused: the socket is closed with `event`; `message` says why, for the log. */
export class Refusal extends Error {
  override name = 'Refusal';

  constructor(
    readonly event: CloseEvent,
    message: string = event.reason,
  ) {
    super(message);
  }
}

/** A malformed frame, with what was wrong with it. */
export const malformed = (why: string): Refusal => new Refusal(CloseEvents.malformed, why);
