import { z } from 'zod';
import { explainRe2Error } from './regex-syntax';
import { ACTIONS, MASK_STYLES, SEVERITIES, VALIDATOR_NAMES, type PatternDefinition } from './types';

/** The edge schema for a pattern coming from outside (a `--patterns` file, GraphQL input, an event). */
export const patternDefinitionSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'letters, digits, ".", "_", ":" and "-" only'),
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).optional(),
    regex: z.string().min(1).max(10_000),
    flags: z
      .object({
        caseInsensitive: z.boolean().optional(),
        multiline: z.boolean().optional(),
        dotAll: z.boolean().optional(),
      })
      .strict()
      .optional(),
    secretGroup: z.union([z.number().int().min(0), z.string().min(1)]).optional(),
    validator: z.enum(VALIDATOR_NAMES).optional(),
    context: z
      .object({
        words: z.array(z.string().min(1).max(100)).min(1).max(100),
        window: z.number().int().min(1).max(10_000).optional(),
        required: z.boolean().optional(),
      })
      .strict()
      .optional(),
    allowlist: z
      .object({
        values: z.array(z.string().min(1)).max(10_000).optional(),
        regexes: z.array(z.string().min(1)).max(1_000).optional(),
      })
      .strict()
      .optional(),
    rejectPlaceholders: z.boolean().optional(),
    minEntropy: z.number().min(0).max(8).optional(),
    severity: z.enum(SEVERITIES),
    action: z.enum(ACTIONS),
    baseConfidence: z.number().min(0).max(1).optional(),
    mask: z.enum(MASK_STYLES).optional(),
    keepPrefix: z.number().int().min(0).max(32).optional(),
    enabled: z.boolean().optional(),
    channelScope: z
      .object({
        include: z.array(z.string().min(1).max(64)).max(10_000).optional(),
        exclude: z.array(z.string().min(1).max(64)).max(10_000).optional(),
      })
      .strict()
      .optional(),
    builtin: z.boolean().optional(),
    category: z.string().max(100).optional(),
  })
  .strict();

/** A problem with one field of one pattern, phrased for the person who wrote it. */
export interface PatternFieldError {
  /** The pattern's id or name, or its index when it has neither. */
  pattern: string;
  /** Dotted path, e.g. `regex`, `allowlist.regexes.2`. */
  field: string;
  message: string;
  /** For regex errors: 0-based offset into the regex. */
  position?: number | null;
}

/**
 * Checks what the schema cannot: that every regex compiles under RE2 and that a secret group exists.
 * @example semanticErrors({ ...p, regex: '(a)\\1' }) → [{ field: 'regex', message: 'backreference `\\1` …' }]
 */
export function semanticErrors(pattern: PatternDefinition, label = pattern.id): PatternFieldError[] {
  const errors: PatternFieldError[] = [];
  const regexError = explainRe2Error(pattern.regex, pattern.flags);
  if (regexError) {
    errors.push({
      pattern: label,
      field: 'regex',
      message: regexError.message,
      position: regexError.position,
    });
  } else if (pattern.secretGroup !== undefined && !hasGroup(pattern.regex, pattern.secretGroup)) {
    errors.push({
      pattern: label,
      field: 'secretGroup',
      message: `the regex has no capture group ${JSON.stringify(pattern.secretGroup)}`,
    });
  }
  (pattern.allowlist?.regexes ?? []).forEach((source, index) => {
    const allowError = explainRe2Error(source);
    if (allowError) {
      errors.push({
        pattern: label,
        field: `allowlist.regexes.${index}`,
        message: allowError.message,
        position: allowError.position,
      });
    }
  });
  return errors;
}

function hasGroup(regex: string, group: number | string): boolean {
  if (typeof group === 'string') return regex.includes(`(?P<${group}>`) || regex.includes(`(?<${group}>`);
  if (group === 0) return true;
  // Count capturing groups: `(` not followed by `?`, unless it is a named group.
  let count = 0;
  let inClass = false;
  for (let i = 0; i < regex.length; i += 1) {
    const ch = regex[i];
    if (ch === '\\') {
      i += 1;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') {
      inClass = true;
    } else if (ch === '(') {
      const named =
        regex.startsWith('(?P<', i) || (regex.startsWith('(?<', i) && !/^\(\?<[=!]/.test(regex.slice(i)));
      if (regex[i + 1] !== '?' || named) count += 1;
    }
  }
  return group <= count;
}

/** Parses and checks one pattern from outside. */
export function parsePattern(
  input: unknown,
  label: string,
): { pattern: PatternDefinition; errors: [] } | { pattern: null; errors: PatternFieldError[] } {
  const parsed = patternDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const named =
      typeof input === 'object' && input !== null
        ? ((input as { id?: unknown; name?: unknown }).id ?? (input as { name?: unknown }).name)
        : undefined;
    const who = typeof named === 'string' ? named : label;
    return {
      pattern: null,
      errors: parsed.error.issues.map((issue) => ({
        pattern: who,
        field: issue.path.join('.') || '(pattern)',
        message: issue.message,
      })),
    };
  }
  const pattern = parsed.data as PatternDefinition;
  const errors = semanticErrors(pattern, pattern.id);
  return errors.length > 0 ? { pattern: null, errors } : { pattern, errors: [] };
}

/**
 * Parses a list of patterns (a `--patterns` file's content): every problem in every pattern is reported at once.
 * Accepts either an array or `{ "patterns": [...] }`.
 */
export function parsePatternList(input: unknown): {
  patterns: PatternDefinition[];
  errors: PatternFieldError[];
} {
  const list = Array.isArray(input)
    ? input
    : typeof input === 'object' && input !== null
      ? (input as { patterns?: unknown }).patterns
      : undefined;
  if (!Array.isArray(list)) {
    return {
      patterns: [],
      errors: [
        {
          pattern: '(file)',
          field: '(root)',
          message: 'expected an array of patterns or {"patterns": [...]}',
        },
      ],
    };
  }
  const patterns: PatternDefinition[] = [];
  const errors: PatternFieldError[] = [];
  const seen = new Set<string>();
  list.forEach((item, index) => {
    const result = parsePattern(item, `#${index}`);
    if (result.pattern) {
      if (seen.has(result.pattern.id)) {
        errors.push({ pattern: result.pattern.id, field: 'id', message: 'duplicate pattern id' });
      }
      seen.add(result.pattern.id);
      patterns.push(result.pattern);
    } else {
      errors.push(...result.errors);
    }
  });
  return { patterns, errors };
}
