import type { z } from 'zod';
import { AlertSent, ActionFailed, FileBlocked, MessageBlocked, MessageRedacted } from './action-events';
import { ApiKeyCreated, ApiKeyRevoked, ChannelMonitoringChanged, ContentRevealed } from './access-events';
import { SlackTokenRotated } from './credential-events';
import type { EventDefinition } from './define-event';
import {
  PatternCreated,
  PatternDeleted,
  PatternDisabled,
  PatternEnabled,
  PatternUpdated,
} from './pattern-events';
import { FileScanned, LeakDetected, MessageScanned, ScanFailed } from './scan-events';

/** Every event type the audit log accepts, by name. */
export const eventDefinitions = {
  PatternCreated,
  PatternUpdated,
  PatternEnabled,
  PatternDisabled,
  PatternDeleted,
  MessageScanned,
  FileScanned,
  LeakDetected,
  MessageBlocked,
  MessageRedacted,
  FileBlocked,
  AlertSent,
  ActionFailed,
  ScanFailed,
  ContentRevealed,
  ApiKeyCreated,
  ApiKeyRevoked,
  ChannelMonitoringChanged,
  SlackTokenRotated,
} as const;

export type EventType = keyof typeof eventDefinitions;
export const EVENT_TYPES = Object.keys(eventDefinitions) as EventType[];

/** The current payload of one event type. */
export type EventData<T extends EventType> = z.output<(typeof eventDefinitions)[T]['schema']>;

/**
 * Any event, discriminated by `type`.
 * @example const event: DomainEvent = { type: 'PatternEnabled', data: { patternId: 'github-pat' } };
 */
export type DomainEvent = { [T in EventType]: { type: T; data: EventData<T> } }[EventType];
export type EventOfType<T extends EventType> = Extract<DomainEvent, { type: T }>;

export type PatternEvent = EventOfType<
  'PatternCreated' | 'PatternUpdated' | 'PatternEnabled' | 'PatternDisabled' | 'PatternDeleted'
>;
export const PATTERN_EVENT_TYPES = [
  'PatternCreated',
  'PatternUpdated',
  'PatternEnabled',
  'PatternDisabled',
  'PatternDeleted',
] as const satisfies readonly PatternEvent['type'][];

/** A payload that does not match its schema. Names the fields and the rules, never the values. */
export class EventValidationError extends Error {
  override name = 'EventValidationError';
  constructor(
    readonly eventType: string,
    readonly version: number | null,
    readonly problems: readonly string[],
  ) {
    super(
      `${eventType}${version === null ? '' : ` v${version}`} is not a valid event: ${problems.join('; ')}`,
    );
  }
}

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(eventDefinitions, type);
}

function definitionOf(type: string): EventDefinition {
  if (!isEventType(type)) {
    throw new EventValidationError(type, null, [`unknown event type (known: ${EVENT_TYPES.join(', ')})`]);
  }
  return eventDefinitions[type];
}

function parseWith(schema: z.ZodType, type: string, version: number, data: unknown): unknown {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new EventValidationError(
      type,
      version,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`),
    );
  }
  return result.data;
}

/**
 * Validates a payload for appending. The current version by default; an older `version` is accepted too, so a
 * process still running the previous release during a rolling deploy can keep writing.
 */
export function encodeEventData(
  type: string,
  data: unknown,
  version?: number,
): { type: EventType; version: number; data: unknown } {
  const definition = definitionOf(type);
  const target = version ?? definition.version;
  if (target === definition.version) {
    return {
      type: type as EventType,
      version: target,
      data: parseWith(definition.schema, type, target, data),
    };
  }
  const old = definition.history.get(target);
  if (!old) {
    throw new EventValidationError(type, target, [
      `unknown payload version (current is ${definition.version})`,
    ]);
  }
  return { type: type as EventType, version: target, data: parseWith(old.schema, type, target, data) };
}

/** Validates a stored payload against the schema it was written with and upcasts it to the current version. */
export function decodeEventData(type: string, version: number, data: unknown): DomainEvent {
  const definition = definitionOf(type);
  if (version > definition.version) {
    throw new EventValidationError(type, version, [
      `written by a newer release (this one reads up to v${definition.version})`,
    ]);
  }
  let current = data;
  for (let step = version; step < definition.version; step += 1) {
    const old = definition.history.get(step);
    if (!old) throw new EventValidationError(type, step, ['unknown payload version']);
    current = old.upcast(parseWith(old.schema, type, step, current));
  }
  return { type, data: parseWith(definition.schema, type, definition.version, current) } as DomainEvent;
}

/** The current payload version of a type. */
export function currentVersionOf(type: EventType): number {
  return eventDefinitions[type].version;
}
