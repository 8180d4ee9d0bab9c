import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { withConnection, type PgConnection } from '../../schema/db/pg-connection';
import type { EventMetadata } from '../../schema/events/metadata';
import type { PatternEvent } from '../../schema/events/registry';
import {
  decidePattern,
  PatternCommandError,
  systemDecideContext,
  type PatternCommand,
} from '../../schema/patterns/pattern-commands';
import { executePatternCommand } from '../../schema/patterns/pattern-service';
import { patternAggregate, patternStreamId, type PatternState } from '../../schema/patterns/pattern-state';
import { ConcurrencyError } from '../../schema/store/errors';
import type { EventStore } from '../../schema/store/event-store';
import type { NewEvent } from '../../schema/store/types';
import type { PatternFieldError } from '../../worker/dlp/pattern-schema';
import type { Action, PatternDefinition, Severity } from '../../worker/dlp/types';
import { apiError, notFound } from '../graphql/errors';
import type {
  FieldError,
  Page,
  PageRequest,
  PatternCursor,
  PatternDraft,
  PatternFilter,
  PatternMutationResult,
  PatternRecord,
} from './types';
import { containsPattern, SqlParams, toDate } from './sql';

interface PatternRow {
  pattern_id: string;
  enabled: boolean;
  builtin: boolean;
  definition: PatternDefinition;
  revision: number;
  stream_version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

const COLUMNS = 'pattern_id, enabled, builtin, definition, revision, stream_version, created_at, updated_at';

function toRecord(row: PatternRow): PatternRecord {
  const d = row.definition;
  return {
    id: row.pattern_id,
    name: d.name,
    description: d.description ?? null,
    regex: d.regex,
    flags: {
      caseInsensitive: d.flags?.caseInsensitive ?? false,
      multiline: d.flags?.multiline ?? false,
      dotAll: d.flags?.dotAll ?? false,
    },
    secretGroup: d.secretGroup === undefined ? null : String(d.secretGroup),
    validator: d.validator ?? null,
    context: d.context
      ? { words: d.context.words, window: d.context.window ?? 80, required: d.context.required ?? false }
      : null,
    allowlist: d.allowlist ? { values: d.allowlist.values ?? [], regexes: d.allowlist.regexes ?? [] } : null,
    rejectPlaceholders: d.rejectPlaceholders ?? false,
    minEntropy: d.minEntropy ?? null,
    severity: d.severity as Severity,
    action: d.action as Action,
    enabled: row.enabled,
    builtin: row.builtin,
    category: d.category ?? null,
    channelScope: d.channelScope
      ? { include: d.channelScope.include ?? [], exclude: d.channelScope.exclude ?? [] }
      : null,
    version: Number(row.stream_version),
    revision: Number(row.revision),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

function whereOf(filter: PatternFilter, params: SqlParams): string[] {
  const conditions = ['deleted_at IS NULL'];
  if (filter.enabled !== undefined) conditions.push(`enabled = ${params.add(filter.enabled)}`);
  if (filter.builtin !== undefined) conditions.push(`builtin = ${params.add(filter.builtin)}`);
  if (filter.severity?.length) conditions.push(`severity = ANY(${params.add(filter.severity)}::text[])`);
  if (filter.action?.length) conditions.push(`action = ANY(${params.add(filter.action)}::text[])`);
  if (filter.search) {
    const term = params.add(containsPattern(filter.search));
    conditions.push(
      `(name ILIKE ${term} OR pattern_id ILIKE ${term} OR definition->>'description' ILIKE ${term})`,
    );
  }
  return conditions;
}

export const isPatternCursor = (key: unknown): key is PatternCursor =>
  Array.isArray(key) && key.length === 2 && key.every((part) => typeof part === 'string');

export const patternCursorOf = (pattern: PatternRecord): PatternCursor => [pattern.name, pattern.id];

/** Patterns ordered by name (then id), by keyset; a few hundred rows, so no index is needed beyond the key. */
export async function listPatterns(
  connection: PgConnection,
  filter: PatternFilter,
  page: PageRequest<PatternCursor>,
): Promise<Page<PatternRecord>> {
  const params = new SqlParams();
  const conditions = whereOf(filter, params);
  const descending = page.direction === 'backward';
  if (page.cursor) {
    conditions.push(
      `(name COLLATE "C", pattern_id) ${descending ? '<' : '>'} (${params.add(page.cursor[0])} COLLATE "C", ${params.add(page.cursor[1])})`,
    );
  }
  const direction = descending ? 'DESC' : 'ASC';
  const { rows } = await connection.query<PatternRow>(
    `SELECT ${COLUMNS} FROM patterns WHERE ${conditions.join(' AND ')}
     ORDER BY name COLLATE "C" ${direction}, pattern_id ${direction} LIMIT ${params.add(page.size + 1)}`,
    params.values,
  );
  const hasMore = rows.length > page.size;
  const items = rows.slice(0, page.size).map(toRecord);
  if (descending) items.reverse();
  return { items, hasMore };
}

export async function countPatterns(connection: PgConnection, filter: PatternFilter): Promise<number> {
  const params = new SqlParams();
  const { rows } = await connection.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM patterns WHERE ${whereOf(filter, params).join(' AND ')}`,
    params.values,
  );
  return rows[0]?.count ?? 0;
}

export async function getPattern(connection: PgConnection, id: string): Promise<PatternRecord | null> {
  const { rows } = await connection.query<PatternRow>(
    `SELECT ${COLUMNS} FROM patterns WHERE pattern_id = $1 AND deleted_at IS NULL`,
    [id],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

/** Fields of the engine's definition that an admin's input replaces wholesale (absent = removed). */
const EDITABLE_FIELDS = [
  'name',
  'description',
  'regex',
  'flags',
  'secretGroup',
  'validator',
  'context',
  'allowlist',
  'rejectPlaceholders',
  'minEntropy',
  'severity',
  'action',
  'channelScope',
] as const;

/** Engine field errors as GraphQL user errors, with paths under `input`. */
export function toFieldErrors(problems: readonly PatternFieldError[]): FieldError[] {
  return problems.map((problem) => {
    const isRegex = problem.field === 'regex' || problem.field.startsWith('allowlist.regexes');
    const where =
      isRegex &&
      typeof problem.position === 'number' &&
      problem.position > 0 &&
      !/offset|position/.test(problem.message)
        ? ` (at offset ${problem.position})`
        : '';
    return {
      field: ['input', ...problem.field.split('.').filter((part) => part !== '(pattern)')],
      message: `${problem.message}${where}`,
      code: isRegex ? 'INVALID_REGEX' : 'INVALID',
    };
  });
}

/** A readable, stable-looking id for a new pattern: its name as a slug plus a short random suffix. */
export function newPatternId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'pattern'}-${randomBytes(3).toString('hex')}`;
}

/**
 * Pattern commands for the API. Creation, enable, disable and delete go through `handle` (which re-decides on a
 * concurrent change); an update is checked against the version the admin edited and refused as CONFLICT when
 * someone else changed the pattern meanwhile, so nobody's edit is silently overwritten.
 */
export class PatternCommands {
  constructor(
    private readonly orm: MikroORM,
    private readonly store: EventStore,
  ) {}

  private read(id: string): Promise<PatternRecord | null> {
    return withConnection(this.orm, (connection) => getPattern(connection, id));
  }

  async create(draft: PatternDraft, metadata: EventMetadata): Promise<PatternMutationResult> {
    for (let attempt = 0; ; attempt += 1) {
      const id = newPatternId(typeof draft.name === 'string' ? draft.name : '');
      try {
        await executePatternCommand(
          this.store,
          { type: 'CreatePattern', pattern: { ...draft, id, builtin: undefined } },
          metadata,
        );
        const pattern = await this.read(id);
        if (!pattern) throw new Error(`pattern ${id} is missing after its creation`);
        return { pattern, userErrors: [] };
      } catch (error) {
        if (error instanceof PatternCommandError && error.code === 'invalid') {
          return { pattern: null, userErrors: toFieldErrors(error.problems) };
        }
        // A random suffix that is already taken: draw another.
        if (
          error instanceof PatternCommandError &&
          (error.code === 'already_exists' || error.code === 'deleted') &&
          attempt < 3
        ) {
          continue;
        }
        throw error;
      }
    }
  }

  async update(
    id: string,
    draft: PatternDraft,
    expectedVersion: number,
    metadata: EventMetadata,
  ): Promise<PatternMutationResult> {
    const streamId = patternStreamId(id);
    const history = await this.store.readStream(streamId);
    let state: PatternState = patternAggregate.initialState();
    for (const event of history) state = patternAggregate.evolve(state, event as unknown as PatternEvent);
    if (state.status !== 'active') throw notFound('pattern', id);
    const version = history[history.length - 1]!.streamVersion;
    if (version !== expectedVersion) throw stale(id, expectedVersion, version);

    const changes: Record<string, unknown> = {};
    for (const field of EDITABLE_FIELDS) changes[field] = draft[field] ?? null;
    const commands: PatternCommand[] = [{ type: 'UpdatePattern', patternId: id, changes }];
    if (typeof draft.enabled === 'boolean') {
      commands.push({ type: draft.enabled ? 'EnablePattern' : 'DisablePattern', patternId: id });
    }
    const events: NewEvent<PatternEvent>[] = [];
    try {
      for (const command of commands) {
        const decided = decidePattern(command, state, systemDecideContext);
        for (const event of decided) state = patternAggregate.evolve(state, event);
        events.push(...decided);
      }
    } catch (error) {
      if (error instanceof PatternCommandError && error.code === 'invalid') {
        return { pattern: null, userErrors: toFieldErrors(error.problems) };
      }
      throw error;
    }
    if (events.length > 0) {
      try {
        await this.store.append(streamId, version, events as NewEvent[], metadata);
      } catch (error) {
        if (error instanceof ConcurrencyError) throw stale(id, expectedVersion, error.actualVersion);
        throw error;
      }
    }
    const pattern = await this.read(id);
    if (!pattern) throw notFound('pattern', id);
    return { pattern, userErrors: [] };
  }

  async setEnabled(id: string, enabled: boolean, metadata: EventMetadata): Promise<PatternRecord> {
    await this.run({ type: enabled ? 'EnablePattern' : 'DisablePattern', patternId: id }, metadata);
    const pattern = await this.read(id);
    if (!pattern) throw notFound('pattern', id);
    return pattern;
  }

  async delete(id: string, metadata: EventMetadata): Promise<void> {
    try {
      await this.run({ type: 'DeletePattern', patternId: id }, metadata);
    } catch (error) {
      // Deleting twice is not an error; deleting what never existed is.
      if (!(error instanceof PatternCommandError && error.code === 'deleted')) throw error;
    }
  }

  private async run(command: PatternCommand, metadata: EventMetadata): Promise<void> {
    try {
      await executePatternCommand(this.store, command, metadata);
    } catch (error) {
      if (error instanceof PatternCommandError && command.type !== 'CreatePattern') {
        if (error.code === 'not_found') throw notFound('pattern', command.patternId);
        if (error.code === 'deleted' && command.type !== 'DeletePattern') {
          throw notFound('pattern', command.patternId);
        }
      }
      throw error;
    }
  }
}

function stale(id: string, expected: number, actual: number) {
  return apiError(
    'CONFLICT',
    `Pattern ${id} is at version ${actual}, not ${expected}: someone changed it meanwhile. Reload it, reapply your edit and send the new version.`,
    { id, expectedVersion: expected, actualVersion: actual },
  );
}
