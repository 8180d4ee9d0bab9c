import { resolve } from 'node:path';
import { z } from 'zod';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from './embedded-postgres';

const databaseEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LEAKSHIELD_DATA_DIR: z.string().trim().min(1).optional(),
});

/**
 * Where the database lives: `DATABASE_URL` when set, otherwise an embedded server under `./.leakshield/`
 * (or `LEAKSHIELD_DATA_DIR`) that is started here and stopped by `close()`.
 * @example const { url, close } = await resolveDatabaseUrl(process.env);
 */
export interface ResolvedDatabase {
  url: string;
  /** Set when this process started (or joined) the embedded server. */
  embedded: EmbeddedPostgresServer | null;
  close(): Promise<void>;
}

/** The embedded cluster keeps LeakShield's data in its own database beside the maintenance one. */
export const EMBEDDED_DATABASE_NAME = 'leakshield';

export async function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): Promise<ResolvedDatabase> {
  const parsed = databaseEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  const { DATABASE_URL, LEAKSHIELD_DATA_DIR } = parsed.data;
  if (DATABASE_URL) {
    return { url: DATABASE_URL, embedded: null, close: async () => undefined };
  }
  const server = await startEmbeddedPostgres({ dataDir: resolve(LEAKSHIELD_DATA_DIR ?? '.leakshield') });
  try {
    await ensureDatabaseExists(server.url, EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: withDatabase(server.url, EMBEDDED_DATABASE_NAME),
    embedded: server,
    close: () => server.stop(),
  };
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Redacts the password so a URL can appear in logs and error messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparseable database URL)';
  }
}

async function ensureDatabaseExists(serverUrl: string, database: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`).catch((error: unknown) => {
        // Another process created it between our check and our CREATE.
        if ((error as { code?: string }).code !== '42P04') throw error;
      });
    }
  } finally {
    await client.end();
  }
}
