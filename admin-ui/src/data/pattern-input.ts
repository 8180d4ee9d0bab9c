import type { Action, PatternInput, Severity } from '../graphql/types';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];

const optionalText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

const optionalNumber = (value: unknown): number | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

/**
 * The pattern form's values (a Pattern record as edited) → the PatternInput the API takes. Blank optional fields
 * are left out, since updatePattern replaces the whole definition and a left-out field is removed.
 * @example toPatternInput({ name: 'Ticket', regex: 'TCK-\\d+', severity: 'LOW', action: 'LOG' })
 */
export function toPatternInput(values: Record<string, unknown>): PatternInput {
  const flags = (values.flags ?? {}) as Record<string, unknown>;
  const context = (values.context ?? {}) as Record<string, unknown>;
  const allowlist = (values.allowlist ?? {}) as Record<string, unknown>;
  const scope = (values.channelScope ?? {}) as Record<string, unknown>;
  const words = strings(context.words);
  const allowValues = strings(allowlist.values);
  const allowRegexes = strings(allowlist.regexes);
  const include = strings(scope.include);
  const exclude = strings(scope.exclude);
  const input: PatternInput = {
    name: typeof values.name === 'string' ? values.name.trim() : '',
    regex: typeof values.regex === 'string' ? values.regex : '',
    severity: (values.severity ?? 'MEDIUM') as Severity,
    action: (values.action ?? 'ALERT') as Action,
    flags: {
      caseInsensitive: flags.caseInsensitive === true,
      multiline: flags.multiline === true,
      dotAll: flags.dotAll === true,
    },
    rejectPlaceholders: values.rejectPlaceholders !== false,
  };
  const description = optionalText(values.description);
  if (description) input.description = description;
  const secretGroup = optionalText(values.secretGroup);
  if (secretGroup) input.secretGroup = secretGroup.trim();
  const validator = optionalText(values.validator);
  if (validator) input.validator = validator;
  const minEntropy = optionalNumber(values.minEntropy);
  if (minEntropy !== undefined) input.minEntropy = minEntropy;
  if (typeof values.enabled === 'boolean') input.enabled = values.enabled;
  if (words.length > 0) {
    const window = optionalNumber(context.window);
    input.context = { words, required: context.required === true, ...(window ? { window } : {}) };
  }
  if (allowValues.length > 0 || allowRegexes.length > 0) {
    input.allowlist = { values: allowValues, regexes: allowRegexes };
  }
  if (include.length > 0 || exclude.length > 0) input.channelScope = { include, exclude };
  return input;
}
