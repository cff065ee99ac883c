/** What the Hwb routes share, built once per access layer when Hwb is configured. */
import type { Clock } from '../../access/context';
import type { Sql } from '../../db/sql';
import { RateLimiter } from '../rate-limiter';
import type { HwbClient } from './hwb-client';
import { HwbIdentityProvider } from './hwb-identity-provider';
import { HwbIdentityStore } from './identity-store';
import { SignInAttempts } from './sign-in-attempts';

export interface HwbServices {
  client: HwbClient;
  identities: HwbIdentityStore;
  /** Who the validated claims name (the IdentityProvider of Hwb). */
  provider: HwbIdentityProvider;
  attempts: SignInAttempts;
  /** Starting a sign-in writes a row: a ceiling per client address bounds a spray of them. */
  startsPerAddress: RateLimiter;
}

export function createHwbServices(sql: Sql, clock: Clock, client: HwbClient): HwbServices {
  const identities = new HwbIdentityStore(sql, clock);
  return {
    client,
    identities,
    provider: new HwbIdentityProvider(identities, client.settings.tenants),
    attempts: new SignInAttempts(sql, clock),
    startsPerAddress: new RateLimiter({ burst: 30, perMinute: 20 }, clock),
  };
}
