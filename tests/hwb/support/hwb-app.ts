/**
 * The real server (startApp, as main.ts composes it) with Hwb configured against the stand-in
 * provider: two allowed tenants (the Hwb tenant vouching for the demo domain and a school
 * domain, and an LA's own tenant), a third tenant that is not allowed, and the demo directory.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { seedDemoDocument, type DemoDataset } from '@cydweithio/model';
import { startApp } from '@cydweithio/sync-server/app';
import { fastScryptParams } from '@cydweithio/sync-server/auth/password';
import { HwbClient } from '@cydweithio/sync-server/auth/hwb/hwb-client';
import { hwbSettingsFrom } from '@cydweithio/sync-server/auth/hwb/settings';
import { loadDemoDirectory } from '@cydweithio/sync-server/directory/demo';
import { openDatabase, type OpenDatabase } from '@cydweithio/sync-server/db/open';
import type { RunningServer } from '@cydweithio/sync-server/server';
import { makeDataDir, quietLogger } from '../../sync/helpers/server';
import { demoDataset } from '../../access/helpers/demo';
import { startStandInProvider, type StandInPerson, type StandInProvider } from './stand-in-provider';

export const HWB_TENANT = '9f0c1c6a-0000-4000-8000-00000000a001';
export const LA_TENANT = '9f0c1c6a-0000-4000-8000-00000000b002';
export const STRANGER_TENANT = '9f0c1c6a-0000-4000-8000-00000000c003';
export const SCHOOL_DOMAIN = 'hwb.example';
export const LA_DOMAIN = 'cyngor.example';
export const CLIENT_ID = 'cydweithio-test';
export const OTHER_CLIENT_ID = 'another-app';

export interface HwbApp {
  app: RunningServer;
  /** The stand-in provider (throws before `startProvider` when it was asked to start late). */
  readonly provider: StandInProvider;
  /** Whether discovery at start found the provider. */
  discoveredAtStart: boolean;
  /** Starts the provider after the app (`providerLate`), on the address the app was given. */
  startProvider(): Promise<void>;
  database: OpenDatabase;
  dataset: DemoDataset;
  close(): Promise<void>;
}

/** A free loopback port: the redirect address must be registered before the server listens. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export async function startHwbApp(people: readonly StandInPerson[], options: { hwbOnly?: boolean; staticDir?: string; providerLate?: boolean } = {}): Promise<HwbApp> {
  const port = await freePort();
  const providerPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const client = { clientSecret: 'a-client-secret-for-tests-only', redirectUri: `${base}/api/auth/hwb/callback`, postLogoutUri: `${base}/sign-in` };
  const launchProvider = () => startStandInProvider(people, [
    { clientId: CLIENT_ID, ...client },
    // Another app registered with the same provider: its tokens are not for us (wrong audience).
    { clientId: OTHER_CLIENT_ID, ...client, clientSecret: 'another-secret-for-tests-only' },
  ], providerPort);
  let provider = options.providerLate ? undefined : await launchProvider();
  const settings = hwbSettingsFrom({
    HWB_ISSUER: `http://127.0.0.1:${providerPort}`,
    HWB_CLIENT_ID: CLIENT_ID,
    HWB_CLIENT_SECRET: client.clientSecret,
    HWB_REDIRECT_URL: client.redirectUri,
    HWB_TENANTS: `${HWB_TENANT}=${SCHOOL_DOMAIN}|demo.cydweithio.cymru,${LA_TENANT}=${LA_DOMAIN}`,
    HWB_ONLY: options.hwbOnly ?? false,
  });
  if (!settings.ok || !settings.settings) throw new Error(`bad Hwb settings: ${settings.ok ? 'none' : settings.problems.join('; ')}`);
  // A provider that starts late is looked for again at every sign-in, not every 15 s.
  const hwb = new HwbClient(settings.settings, quietLogger, options.providerLate ? 0 : undefined);
  const discoveredAtStart = await hwb.start();
  if (!options.providerLate && !discoveredAtStart) throw new Error('the stand-in provider was not discovered');

  const data = makeDataDir('cyd-hwb-');
  const database = openDatabase(data.dir);
  const dataset = demoDataset();
  await loadDemoDirectory(database.sql, dataset, fastScryptParams);
  const app = await startApp({
    database, logger: quietLogger, port, host: '127.0.0.1', idleMs: 60_000,
    ...(options.staticDir ? { staticDir: options.staticDir } : {}),
    access: { scryptParams: fastScryptParams, demoMode: true, hwb },
  });
  for (const demo of dataset.documents) seedDemoDocument(await app.sync.getDoc(demo.record.id), demo);
  return {
    app, database, dataset, discoveredAtStart,
    get provider() {
      if (!provider) throw new Error('the stand-in provider has not started');
      return provider;
    },
    startProvider: async () => {
      provider = await launchProvider();
    },
    close: async () => {
      await app.close();
      await provider?.close();
      database.close();
      data.remove();
    },
  };
}
