import type { z } from 'zod';

/** An older payload version: how to read it, and how to lift it one version up. */
export interface OldVersion {
  version: number;
  schema: z.ZodType;
  upcast(data: unknown): unknown;
}

/**
 * One event type: its current payload schema and the versions before it. Old events are never rewritten: they
 * are validated against the schema they were written with and upcast step by step when read.
 * @example defineEvent('PatternEnabled', z.strictObject({ patternId: z.string() }))
 */
export interface EventDefinition<Type extends string = string, Schema extends z.ZodType = z.ZodType> {
  type: Type;
  /** The current payload version: older versions + 1. */
  version: number;
  schema: Schema;
  /** Indexed by version, 1 … version - 1. */
  history: ReadonlyMap<number, OldVersion>;
}

export function defineEvent<Type extends string, Schema extends z.ZodType>(
  type: Type,
  schema: Schema,
  history: readonly OldVersion[] = [],
): EventDefinition<Type, Schema> {
  const byVersion = new Map(history.map((old) => [old.version, old]));
  for (let version = 1; version <= history.length; version += 1) {
    if (!byVersion.has(version)) throw new Error(`${type}: payload versions must run 1…n without gaps`);
  }
  return { type, version: history.length + 1, schema, history: byVersion };
}

/** Types an upcaster's input by the old schema it belongs to. */
export function oldVersion<S extends z.ZodType>(
  version: number,
  schema: S,
  upcast: (data: z.infer<S>) => unknown,
): OldVersion {
  return { version, schema, upcast: (data) => upcast(data as z.infer<S>) };
}
