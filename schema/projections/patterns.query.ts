import type { MikroORM } from '@mikro-orm/postgresql';
import type { PatternDefinition } from '../../worker/dlp/types';
import { PatternEntity } from '../entities/pattern.entity';

/**
 * The pattern set workers scan with: every pattern not deleted (disabled ones too unless `enabledOnly`), as the
 * engine's PatternDefinition, ordered by id so the set is stable.
 * @example const patterns = await listPatterns(orm, { enabledOnly: true });
 */
export async function listPatterns(
  orm: MikroORM,
  options: { enabledOnly?: boolean } = {},
): Promise<PatternDefinition[]> {
  const rows = await orm.em
    .fork()
    .find(PatternEntity, options.enabledOnly ? { deletedAt: null, enabled: true } : { deletedAt: null }, {
      orderBy: { patternId: 'asc' },
    });
  return rows.map((row) => row.definition);
}

/**
 * A number that grows whenever any pattern changes (the log position of the last pattern event). A worker polls
 * it — one indexed max() — and reloads its pattern set when it moved.
 */
export async function patternSetVersion(orm: MikroORM): Promise<number> {
  const rows = await orm.em
    .fork()
    .getConnection()
    .execute<Array<{ version: string | number | null }>>(
      'SELECT max(last_position) AS version FROM patterns',
    );
  return Number(rows[0]?.version ?? 0);
}
