import { validateOrReject, type ValidationError, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';

/** Missing optional inputs are not errors; unknown objects are left to GraphQL's own input typing. */
const OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object';

/**
 * The class-validator check type-graphql runs on every input and args object, done as type-graphql does it (same
 * options, same ArgumentValidationError with the list of failures), but with class-validator imported once:
 * type-graphql's own path re-imports it with `await import()` on every argument of every request, which went
 * through Node's module resolution each time.
 */
export async function validateArguments(value: unknown): Promise<void> {
  if (!isObject(value)) return;
  try {
    if (Array.isArray(value)) {
      await Promise.all(value.filter(isObject).map((item) => validateOrReject(item, OPTIONS)));
    } else {
      await validateOrReject(value, OPTIONS);
    }
  } catch (errors) {
    throw new ArgumentValidationError(errors as ValidationError[]);
  }
}
