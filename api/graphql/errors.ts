import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Stable error codes, in `extensions.code`. Integrators switch on these, so they never change meaning. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX'
  | 'INTERNAL_SERVER_ERROR';

export function apiError(
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
  status?: number,
) {
  return new GraphQLError(message, {
    extensions: { code, ...extra, ...(status ? { http: { status } } : {}) },
  });
}

export const unauthenticated = (
  message = 'A valid API key is required: send `Authorization: Bearer <key>`.',
) => apiError('UNAUTHENTICATED', message, {}, 401);

export const forbidden = (permission: string) =>
  apiError('FORBIDDEN', `Your API key's role does not allow this (needs ${permission}).`);

export const notFound = (what: string, id: string) =>
  apiError('NOT_FOUND', `No ${what} with id ${id}.`, { id });

/** One problem with one input field, by its path, e.g. `["input", "regex"]`. */
export interface FieldProblem {
  field: string[];
  message: string;
}

export const badUserInput = (message: string, fields: FieldProblem[] = []) =>
  apiError('BAD_USER_INPUT', message, { fields });

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

function flattenValidation(errors: ValidationErrorLike[], path: string[]): FieldProblem[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((message) => ({ field: [...path, e.property], message })),
    ...flattenValidation(e.children ?? [], [...path, e.property]),
  ]);
}

const KNOWN_CODES = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The one place errors are shaped for clients: known errors keep their message and code; class-validator
 * failures become BAD_USER_INPUT with field paths; anything else is masked (no stack, no SQL) unless
 * `development` is on. `report` receives the original error for logging.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: { development: boolean; report: (error: unknown) => void },
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const validation = (original as { extensions?: { validationErrors?: ValidationErrorLike[] } } | undefined)
    ?.extensions?.validationErrors;
  if (validation) {
    const argPath = (error as GraphQLError).path?.slice(-1) ?? [];
    return {
      message:
        'Invalid input: ' +
        flattenValidation(validation, [])
          .map((p) => `${p.field.join('.')}: ${p.message}`)
          .join('; '),
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: flattenValidation(validation, []),
        operationPath: argPath,
      },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code)) {
    const { http: _http, stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  options.report(original);
  if (options.development) return formatted;
  return {
    message: 'Internal server error. The incident was logged; try again, or contact your LeakShield admin.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
