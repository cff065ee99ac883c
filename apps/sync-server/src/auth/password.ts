/**
 * Password hashing with node's scrypt: a memory-hard KDF, a fresh 16-byte salt per password,
 * and a constant-time comparison. The parameters are stored in the hash so that they can be
 * raised later without invalidating existing passwords (verify reads them back).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/** OWASP's recommended minimum for scrypt (2^17, 8, 1): about 128 MiB and a few hundred ms. */
export const defaultScryptParams: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
/** Tests and the demo dataset use this so that hundreds of sign-ins stay fast. Never in production. */
export const fastScryptParams: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

const keyLength = 32;
const prefix = 'scrypt';

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, params: ScryptParams = defaultScryptParams): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return [prefix, params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== prefix) return false;
  const [, n, r, p, salt, expected] = parts as [string, string, string, string, string, string];
  const params: ScryptParams = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every(Number.isSafeInteger)) return false;
  const expectedKey = Buffer.from(expected, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), params);
  return key.length === expectedKey.length && timingSafeEqual(key, expectedKey);
}
