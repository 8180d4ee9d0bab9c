import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../store/canonical-json';
import type { EventData, EventOfType, PatternEvent } from '../events/registry';
import type { NewEvent } from '../store/types';
import { parsePattern, type PatternFieldError } from '../../worker/dlp/pattern-schema';
import type { PatternDefinition } from '../../worker/dlp/types';
import type { PatternState } from './pattern-state';

/** A new pattern; `pattern` is raw input (GraphQL, CLI, seed) and is validated with the engine's rules. */
export interface CreatePattern {
  type: 'CreatePattern';
  pattern: unknown;
  /** Fix the PatternCreated event id (the built-in seed does, so a second start appends nothing). */
  eventId?: string;
}

/** A new revision: `changes` are laid over the current definition; a `null` removes an optional field. */
export interface UpdatePattern {
  type: 'UpdatePattern';
  patternId: string;
  changes: Record<string, unknown>;
}

export interface EnablePattern {
  type: 'EnablePattern';
  patternId: string;
  reason?: string;
}

export interface DisablePattern {
  type: 'DisablePattern';
  patternId: string;
  reason?: string;
}

export interface DeletePattern {
  type: 'DeletePattern';
  patternId: string;
  reason?: string;
}

/**
 * Every command on a pattern.
 * @example { type: 'DisablePattern', patternId: 'us-ssn', reason: 'too many false positives in #hr' }
 */
export type PatternCommand = CreatePattern | UpdatePattern | EnablePattern | DisablePattern | DeletePattern;

/** Time and ids come from outside, so `decidePattern` stays pure and tests deterministic. */
export interface DecideContext {
  now: () => Date;
  newId: () => string;
}

export const systemDecideContext: DecideContext = { now: () => new Date(), newId: randomUUID };

export type PatternCommandErrorCode = 'invalid' | 'not_found' | 'already_exists' | 'deleted';

/** A command the pattern's current state or the engine's rules refuse. `problems` lists field errors. */
export class PatternCommandError extends Error {
  override name = 'PatternCommandError';
  constructor(
    readonly code: PatternCommandErrorCode,
    message: string,
    readonly problems: readonly PatternFieldError[] = [],
  ) {
    super(
      problems.length > 0
        ? `${message}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`
        : message,
    );
  }
}

/** Fields an update compares; `enabled` and `builtin` change through their own commands. */
const DEFINITION_FIELDS = [
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
  'baseConfidence',
  'mask',
  'keepPrefix',
  'category',
] as const satisfies readonly (keyof PatternDefinition)[];

/**
 * Decides what a command means for a pattern in `state`: the events to append, none when it changes nothing
 * (enabling an enabled pattern, an update with no difference), or a PatternCommandError.
 */
export function decidePattern(
  command: PatternCommand,
  state: PatternState,
  context: DecideContext,
): NewEvent<PatternEvent>[] {
  const event = <E extends PatternEvent>(
    type: E['type'],
    data: E['data'],
    id = context.newId(),
  ): NewEvent<E> => ({ id, type, data, occurredAt: context.now() }) as NewEvent<E>;

  switch (command.type) {
    case 'CreatePattern': {
      const pattern = validate(command.pattern);
      if (state.status === 'active') {
        throw new PatternCommandError('already_exists', `a pattern with id ${pattern.id} already exists`);
      }
      if (state.status === 'deleted') {
        throw new PatternCommandError(
          'deleted',
          `pattern ${pattern.id} was deleted; its id cannot be reused`,
        );
      }
      const data: EventData<'PatternCreated'> = {
        ...pattern,
        flags: pattern.flags ?? {},
        enabled: pattern.enabled ?? true,
      };
      return [
        event<EventOfType<'PatternCreated'>>('PatternCreated', data, command.eventId ?? context.newId()),
      ];
    }
    case 'UpdatePattern': {
      const current = requireActive(state, command.patternId);
      const merged: Record<string, unknown> = { ...current.definition };
      for (const [field, value] of Object.entries(command.changes)) {
        if (field === 'id' && value !== current.definition.id) {
          throw new PatternCommandError(
            'invalid',
            'a pattern id cannot change; create a new pattern instead',
          );
        }
        if (field === 'enabled' || field === 'builtin') {
          throw new PatternCommandError(
            'invalid',
            `${field} is changed with its own command, not by an update`,
          );
        }
        if (value === null || value === undefined) delete merged[field];
        else merged[field] = value;
      }
      const next = validate(merged);
      const changedFields = DEFINITION_FIELDS.filter(
        (field) => canonicalOrNone(next[field]) !== canonicalOrNone(current.definition[field]),
      );
      if (changedFields.length === 0) return [];
      const { enabled: _enabled, builtin: _builtin, ...definition } = next;
      return [
        event<EventOfType<'PatternUpdated'>>('PatternUpdated', {
          ...definition,
          flags: definition.flags ?? {},
          changedFields,
        }),
      ];
    }
    case 'EnablePattern':
    case 'DisablePattern': {
      const current = requireActive(state, command.patternId);
      const enable = command.type === 'EnablePattern';
      if ((current.definition.enabled !== false) === enable) return [];
      const data = { patternId: command.patternId, ...(command.reason ? { reason: command.reason } : {}) };
      return enable
        ? [event<EventOfType<'PatternEnabled'>>('PatternEnabled', data)]
        : [event<EventOfType<'PatternDisabled'>>('PatternDisabled', data)];
    }
    case 'DeletePattern': {
      if (state.status === 'deleted') return [];
      requireActive(state, command.patternId);
      const data = { patternId: command.patternId, ...(command.reason ? { reason: command.reason } : {}) };
      return [event<EventOfType<'PatternDeleted'>>('PatternDeleted', data)];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function validate(input: unknown): PatternDefinition {
  const parsed = parsePattern(input, '(pattern)');
  if (!parsed.pattern) {
    throw new PatternCommandError('invalid', 'the pattern is not valid', parsed.errors);
  }
  return parsed.pattern;
}

function requireActive(state: PatternState, patternId: string): Extract<PatternState, { status: 'active' }> {
  if (state.status === 'absent')
    throw new PatternCommandError('not_found', `there is no pattern ${patternId}`);
  if (state.status === 'deleted')
    throw new PatternCommandError('deleted', `pattern ${patternId} was deleted`);
  return state;
}

function canonicalOrNone(value: unknown): string {
  if (value === undefined) return '';
  // `flags: {}` and no flags mean the same thing.
  if (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 0
  ) {
    return '';
  }
  return canonicalJson(value);
}
