import { createPubSub } from '@graphql-yoga/subscription';
import type { PubSub } from 'type-graphql';
import { BOOTSTRAP_PRINCIPAL } from '../../../api/services/authentication';
import { buildApiSchema } from '../../../api/graphql/build-schema';
import { createApiServer, type ApiServer, type ApiServerOptions } from '../../../api/server';
import { createApiServices, type ApiServices } from '../../../api/services';
import { createEventStore } from '../../../schema/audit-log';
import type { Role } from '../../../schema/access/roles';
import { settingsSchema, type Settings } from '../../../schema/config/settings';
import type { Keyring } from '../../../schema/crypto/content-encryption';
import { createLogger } from '../../../schema/observability/logger';
import type { EventStore } from '../../../schema/store/event-store';
import { createTestDatabase, type TestDatabase } from '../../support/database';

export const ADMIN_TOKEN = 'bootstrap-admin-token-for-tests-0123456789';
export const ROLES_UNDER_TEST: readonly Role[] = ['ADMIN', 'ANALYST', 'AUDITOR', 'INTEGRATION'];

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }> | undefined;
  body: Record<string, unknown>;
}

export interface ApiHarness {
  db: TestDatabase;
  store: EventStore;
  services: ApiServices;
  server: ApiServer;
  url: string;
  /** A key per role, created through the services as the bootstrap admin. */
  keys: Record<Role, string>;
  keyIds: Record<Role, string>;
  /** POSTs a GraphQL request; `key` null sends no Authorization header. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    key?: string | null,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
}

export interface HarnessOptions {
  keyring?: Keyring | null;
  /** Wraps the services (to inject a failure, or count calls). */
  wrapServices?: (services: ApiServices) => ApiServices;
  server?: Partial<Pick<ApiServerOptions, 'bodyLimit' | 'limits' | 'development' | 'reportError'>>;
}

export function testSettings(overrides: Record<string, string> = {}): Settings {
  return settingsSchema.parse({ LEAKSHIELD_ADMIN_TOKEN: ADMIN_TOKEN, LOG_LEVEL: 'silent', ...overrides });
}

/**
 * A real API server on a random port over a fresh, migrated test database: what an integrator talks to. The
 * built-in detectors are not seeded (tests append exactly what they need).
 */
export function useApiServer(options: HarnessOptions = {}): ApiHarness {
  const state: Partial<ApiHarness> = {};
  beforeAll(async () => {
    const db = await createTestDatabase();
    const store = createEventStore(db.orm);
    const pubSub = createPubSub() as unknown as PubSub;
    const base = await createApiServices({
      orm: db.orm,
      store,
      settings: testSettings(),
      logger: createLogger({ level: 'silent' }),
      pubSub,
      keyring: options.keyring ?? null,
    });
    const services = options.wrapServices ? options.wrapServices(base) : base;
    const server = await createApiServer({
      schema: await buildApiSchema(pubSub),
      services,
      ...options.server,
    });
    const port = await server.listen(0, '127.0.0.1');
    const keys = {} as Record<Role, string>;
    const keyIds = {} as Record<Role, string>;
    for (const role of ROLES_UNDER_TEST) {
      const created = await base.createApiKey(`${role.toLowerCase()} key`, role, {
        principal: BOOTSTRAP_PRINCIPAL,
        requestId: 'test-setup',
      });
      keys[role] = created.key;
      keyIds[role] = created.apiKey.id;
    }
    const url = `http://127.0.0.1:${port}`;
    Object.assign(state, { db, store, services, server, url, keys, keyIds });
    state.gql = async (query, variables, key = keys.ADMIN, headers = {}) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Record<string, unknown>;
      return {
        status: response.status,
        data: (body.data ?? null) as never,
        errors: body.errors as GraphQLResponse['errors'],
        body,
      };
    };
  }, 60_000);
  afterAll(async () => {
    await state.server?.close();
    await state.services?.close();
    await state.db?.close();
  });
  return new Proxy({} as ApiHarness, {
    get(_target, property: keyof ApiHarness) {
      const value = state[property];
      if (value === undefined) throw new Error(`the API harness is not ready (${String(property)})`);
      return value;
    },
  });
}

/** The error code of the first error, for short assertions. */
export function errorCode(response: GraphQLResponse): unknown {
  return response.errors?.[0]?.extensions?.code;
}
