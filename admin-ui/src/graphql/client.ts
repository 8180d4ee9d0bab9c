import { HttpError } from 'react-admin';
import { apiKeyStore } from '../auth/api-key-store';
import { fieldErrors } from './field-errors';

export const GRAPHQL_PATH = '/graphql';

interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; fields?: { field: string[]; message: string }[] };
}

const STATUS_OF_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_USER_INPUT: 400,
  QUERY_TOO_COMPLEX: 400,
};

/** What the console's error handling reads from a failed request (react-admin's HttpError body). */
export interface ApiErrorBody {
  code: string;
  /** Field errors by react-hook-form path, which react-admin shows at the inputs. */
  errors?: Record<string, string>;
}

/**
 * Sends one GraphQL operation with the signed-in key and returns `data`, or throws an HttpError whose status
 * says what happened (401 signs out, 403 is a notification, 409 a conflict, 400 bad input).
 * @example const { me } = await graphqlRequest<{ me: Viewer }>(ME);
 */
export async function graphqlRequest<T>(
  query: string,
  variables: Record<string, unknown> = {},
  options: { apiKey?: string; signal?: AbortSignal } = {},
): Promise<T> {
  const key = options.apiKey ?? apiKeyStore.get();
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new HttpError('Cannot reach the LeakShield API. Check that it is running.', 0, {
      code: 'NETWORK',
    } satisfies ApiErrorBody);
  }

  type Body = { data?: T | null; errors?: GraphQLErrorShape[] } | null;
  let body: Body = null;
  try {
    body = (await response.json()) as Body;
  } catch {
    body = null;
  }
  const first = body?.errors?.[0];
  if (first || !body?.data) {
    const code = first?.extensions?.code ?? (response.status === 401 ? 'UNAUTHENTICATED' : 'SERVER_ERROR');
    const status = STATUS_OF_CODE[code] ?? (response.ok ? 500 : response.status);
    const fields = first?.extensions?.fields;
    throw new HttpError(first?.message ?? `The API answered ${response.status}.`, status, {
      code,
      ...(fields?.length ? { errors: fieldErrors(fields) } : {}),
    } satisfies ApiErrorBody);
  }
  return body.data;
}

/** Turns a payload's userErrors into the same HttpError as a GraphQL error (400 with field errors). */
export function throwUserErrors(
  userErrors: { field: string[]; message: string; code: string | null }[],
): void {
  if (userErrors.length === 0) return;
  const first = userErrors[0];
  const code = first?.code ?? 'BAD_USER_INPUT';
  throw new HttpError(userErrors.map((e) => e.message).join('; '), STATUS_OF_CODE[code] ?? 400, {
    code,
    errors: fieldErrors(userErrors),
  } satisfies ApiErrorBody);
}
