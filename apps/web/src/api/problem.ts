/**
 * An API failure, carrying the server's stable problem code (application/problem+json) so that
 * the message can be shown in the person's language (SPEC C9). status 0: the server was unreachable.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title?: string,
  ) {
    super(title ?? code);
    this.name = 'ApiError';
  }
}

export async function readProblem(response: Response): Promise<ApiError> {
  let code = `http.${response.status}`;
  let title: string | undefined;
  try {
    const body = (await response.json()) as { code?: unknown; title?: unknown };
    if (typeof body.code === 'string') code = body.code;
    if (typeof body.title === 'string') title = body.title;
  } catch {
    // Not JSON (a proxy's error page, say): the status-based code stands.
  }
  return new ApiError(response.status, code, title);
}

export const unreachable = (): ApiError => new ApiError(0, 'network.unreachable');
