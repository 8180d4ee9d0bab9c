import { validateOrReject, type ValidationError, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';
import { passesValidation } from './validation-precheck';

/**
 * Missing optional inputs are not errors; unknown objects are left to GraphQL's own input typing. The pre-check
 * (validation-precheck.ts) answers for exactly these options.
 */
export const VALIDATOR_OPTIONS: ValidatorOptions = {
  skipMissingProperties: true,
  forbidUnknownValues: false,
};

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object';

/**
 * The class-validator check type-graphql runs on every input and args object, done as type-graphql does it (same
 * options, same ArgumentValidationError with the list of failures), but with class-validator imported once:
 * type-graphql's own path re-imports it with `await import()` on every argument of every request, which went
 * through Node's module resolution each time. Arguments that pass the pre-check (see validation-precheck.ts) skip
 * class-validator.
 */
export async function validateArguments(value: unknown): Promise<void> {
  if (!isObject(value)) return;
  try {
    if (Array.isArray(value)) {
      const items = value.filter(isObject);
      if (items.every(passesValidation)) return;
      await Promise.all(items.map((item) => validateOrReject(item, VALIDATOR_OPTIONS)));
    } else {
      // Valid arguments, the usual case, are told apart cheaply; class-validator words what is wrong.
      if (passesValidation(value)) return;
      await validateOrReject(value, VALIDATOR_OPTIONS);
    }
  } catch (errors) {
    throw new ArgumentValidationError(errors as ValidationError[]);
  }
}
