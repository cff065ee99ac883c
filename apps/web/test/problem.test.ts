import { describe, expect, it } from 'vitest';
import { ApiError, readProblem } from '../src/api/problem';

describe('C9 API errors keep their stable code', () => {
  it('C9: problem+json code is read', async () => {
    const response = new Response(JSON.stringify({ type: 'about:blank', title: 'The email or password is not right.', status: 401, code: 'auth.invalid-credentials' }), {
      status: 401,
      headers: { 'content-type': 'application/problem+json' },
    });
    const error = await readProblem(response);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('auth.invalid-credentials');
    expect(error.status).toBe(401);
  });
  it('C9: a non-JSON error falls back to a status code', async () => {
    const error = await readProblem(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(error.code).toBe('http.502');
  });
});
