/**
 * An API failure, carrying the server's stable problem code (application/problem+json) so that
 * the message can be shown in the person's language (SPEC C9). status 0: the server was unreachable.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title?: string,
    /** The policy's reason for a refusal (the problem's detail). */
    readonly detail?: string,
    /** E23: where the agreed version is, when a draft is refused to a reader of its record. */
    readonly record?: string,
  ) {
    super(title ?? code);
    this.name = 'ApiError';
  }
}

export async function readProblem(response: Response): Promise<ApiError> {
  let code = `http.${response.status}`;
  let title: string | undefined;
  let detail: string | undefined;
  let record: string | undefined;
  try {
    const body = (await response.json()) as { code?: unknown; title?: unknown; detail?: unknown; record?: unknown };
    if (typeof body.code === 'string') code = body.code;
    if (typeof body.title === 'string') title = body.title;
    if (typeof body.detail === 'string') detail = body.detail;
    if (typeof body.record === 'string') record = body.record;
  } catch {
    // Not JSON (a proxy's error page, say): the status-based code stands.
  }
  return new ApiError(response.status, code, title, detail, record);
}

export const unreachable = (): ApiError => new ApiError(0, 'network.unreachable');
