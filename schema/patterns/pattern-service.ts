import { createHash } from 'node:crypto';
import { SYSTEM_ACTOR, type EventMetadata } from '../events/metadata';
import type { PatternEvent } from '../events/registry';
import { ConcurrencyError } from '../store/errors';
import type { EventStore } from '../store/event-store';
import { handle, type HandleResult } from '../store/handle';
import type { NewEvent, StreamWrite } from '../store/types';
import { builtinDetectors } from '../../worker/dlp/detectors';
import type { PatternDefinition } from '../../worker/dlp/types';
import {
  decidePattern,
  PatternCommandError,
  systemDecideContext,
  type DecideContext,
  type PatternCommand,
} from './pattern-commands';
import { initialPatternState, patternAggregate, patternStreamId, type PatternState } from './pattern-state';

/**
 * Runs one pattern command: what a GraphQL resolver or the CLI calls after building the command.
 * @example await executePatternCommand(store, { type: 'DisablePattern', patternId: 'us-ssn' }, { actor })
 */
export async function executePatternCommand(
  store: EventStore,
  command: PatternCommand,
  metadata: EventMetadata,
  context: DecideContext = systemDecideContext,
): Promise<HandleResult<PatternState>> {
  const patternId = command.type === 'CreatePattern' ? idOf(command.pattern) : command.patternId;
  return handle(
    store,
    patternStreamId(patternId),
    patternAggregate,
    (state) => decidePattern(command, state, context),
    metadata,
  );
}

function idOf(input: unknown): string {
  const id = typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
  if (typeof id !== 'string' || id.length === 0) {
    throw new PatternCommandError('invalid', 'the pattern is not valid', [
      { pattern: '(pattern)', field: 'id', message: 'required' },
    ]);
  }
  return id;
}

/** The PatternCreated event id of a built-in detector: the same on every machine and every start. */
export function builtinSeedEventId(patternId: string): string {
  const hex = createHash('sha256').update(`leakshield/builtin-seed/v1/${patternId}`).digest('hex');
  // Shaped as an RFC 9562 name-based UUID (version 5 nibble, RFC variant bits).
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Seeds the built-in detectors as ordinary patterns authored by `system`, in one transaction. Idempotent by
 * event id: a second start, or one after an admin deleted or edited a built-in, appends nothing for it.
 */
export async function seedBuiltinPatterns(
  store: EventStore,
  detectors: readonly PatternDefinition[] = builtinDetectors,
  context: DecideContext = systemDecideContext,
): Promise<{ seeded: string[]; alreadyPresent: string[] }> {
  const metadata: EventMetadata = { actor: SYSTEM_ACTOR, correlationId: 'builtin-seed' };
  const writes: StreamWrite[] = detectors.map((detector) => ({
    streamId: patternStreamId(detector.id),
    expectedVersion: 0,
    events: decidePattern(
      {
        type: 'CreatePattern',
        pattern: { ...detector, builtin: true },
        eventId: builtinSeedEventId(detector.id),
      },
      initialPatternState(),
      context,
    ) as NewEvent<PatternEvent>[] as NewEvent[],
  }));
  if (writes.length === 0) return { seeded: [], alreadyPresent: [] };
  try {
    const results = await store.appendToStreams(writes, metadata);
    return split(
      detectors,
      results.map((result) => !result.duplicate),
    );
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
  }
  // Some id is taken by a pattern an admin created before the seed knew it: seed the others one by one.
  const outcomes: boolean[] = [];
  for (const write of writes) {
    try {
      outcomes.push(!(await store.appendToStreams([write], metadata))[0]!.duplicate);
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      outcomes.push(false);
    }
  }
  return split(detectors, outcomes);
}

function split(
  detectors: readonly PatternDefinition[],
  appended: readonly boolean[],
): { seeded: string[]; alreadyPresent: string[] } {
  const seeded: string[] = [];
  const alreadyPresent: string[] = [];
  detectors.forEach((detector, index) => (appended[index] ? seeded : alreadyPresent).push(detector.id));
  return { seeded, alreadyPresent };
}
