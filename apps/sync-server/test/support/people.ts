/** Inserts people with cheaply hashed passwords, and signs them in through the real route. */
import type { Hono } from 'hono';
import { fastScryptParams, hashPassword } from '../../src/auth/password';
import { people } from '../../src/db/schema/directory';
import type { QueryRoot } from '../../src/db/sql';

export const testPassword = 'correct horse battery staple';

export async function addPerson(db: QueryRoot, id: string, email = `${id}@example.cymru`, name = id): Promise<void> {
  db.insert(people).values({ id, name, email, passwordHash: await hashPassword(testPassword, fastScryptParams) }).run();
}

/** POST /api/auth/login and return the Cookie header value to send as that person. */
export async function signIn(app: Hono<never> | Hono, email: string, password = testPassword): Promise<string> {
  const response = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0] ?? '';
}
