import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Settings } from '../../schema/config/settings';
import type { Logger } from '../../schema/observability/logger';

/**
 * The bootstrap ADMIN key. LEAKSHIELD_ADMIN_TOKEN when set; otherwise one generated on the first start, kept in
 * the data folder (mode 0600) so later starts reuse it, and printed once so the operator can sign in.
 */
export async function ensureAdminToken(settings: Settings, dataDir: string, logger: Logger): Promise<string> {
  if (settings.LEAKSHIELD_ADMIN_TOKEN) return settings.LEAKSHIELD_ADMIN_TOKEN;
  const file = join(dataDir, 'admin-token');
  try {
    const stored = (await readFile(file, 'utf8')).trim();
    if (stored.length >= 24) {
      logger.info({ file }, 'using the admin key generated on first start (stored in the data folder)');
      return stored;
    }
  } catch {
    // first start: make one below
  }
  const token = `lsk_admin_${randomBytes(24).toString('base64url')}`;
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  // Printed to the terminal on purpose, once: it is how the operator signs in the first time.
  process.stdout.write(
    `\nLeakShield generated an admin key (stored in ${file}; shown only now):\n\n    ${token}\n\n` +
      'Sign in to the console with it, create named keys, then set LEAKSHIELD_ADMIN_TOKEN or delete the file.\n\n',
  );
  return token;
}
