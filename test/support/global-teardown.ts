import { rm } from 'node:fs/promises';
import type { EmbeddedPostgresServer } from '../../schema/db/embedded-postgres';

/** Stops the run's embedded server and deletes its temp folder. */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __leakshieldTestServer?: EmbeddedPostgresServer };
  const server = holder.__leakshieldTestServer;
  if (!server) return;
  holder.__leakshieldTestServer = undefined;
  await server.stop();
  await rm(server.dataDir, { recursive: true, force: true });
}
