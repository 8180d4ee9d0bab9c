import { z } from 'zod';
import { patternDefinitionSchema } from '../../worker/dlp/pattern-schema';
import { defineEvent, oldVersion } from './define-event';

const patternFlags = z.strictObject({
  caseInsensitive: z.boolean().optional(),
  multiline: z.boolean().optional(),
  dotAll: z.boolean().optional(),
});

/**
 * v2 (current): the full pattern definition with `flags` always present, and its initial `enabled` state.
 * v1 carried only `caseInsensitive` at the top level; it is upcast on read.
 */
const patternCreatedV2 = patternDefinitionSchema.extend({ flags: patternFlags, enabled: z.boolean() });
const patternCreatedV1 = patternDefinitionSchema
  .omit({ flags: true })
  .extend({ caseInsensitive: z.boolean().optional(), enabled: z.boolean() });

export const PatternCreated = defineEvent('PatternCreated', patternCreatedV2, [
  oldVersion(1, patternCreatedV1, ({ caseInsensitive, ...rest }) => ({
    ...rest,
    flags: caseInsensitive ? { caseInsensitive: true } : {},
  })),
]);

/** A new revision of the definition; `enabled` and `builtin` are not part of it (they have their own events). */
export const PatternUpdated = defineEvent(
  'PatternUpdated',
  patternDefinitionSchema
    .omit({ enabled: true, builtin: true })
    .extend({ flags: patternFlags, changedFields: z.array(z.string().min(1).max(100)).max(50) }),
);

const patternRef = z.strictObject({
  patternId: patternDefinitionSchema.shape.id,
  reason: z.string().max(500).optional(),
});

export const PatternEnabled = defineEvent('PatternEnabled', patternRef);
export const PatternDisabled = defineEvent('PatternDisabled', patternRef);
export const PatternDeleted = defineEvent('PatternDeleted', patternRef);
