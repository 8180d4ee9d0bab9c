import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { bearerToken } from './auth/api-key-secret';
import { compiledExecution } from './graphql/compiled-execution';
import type { ApiContext } from './graphql/context';
import { formatError, unauthenticated } from './graphql/errors';
import { DEFAULT_QUERY_LIMITS, queryLimitsPlugin, type QueryLimits } from './graphql/limits';
import { createLoaders } from './graphql/loaders';
import { healthRoutes } from './http/health';
import type { ApiServices } from './services';

export interface ApiServerOptions {
  schema: GraphQLSchema;
  services: ApiServices;
  /** Show internal error messages to clients (never in production). */
  development?: boolean;
  /** Largest accepted request body. */
  bodyLimit?: string;
  limits?: QueryLimits;
  /** Where masked internal errors are reported (the logger); never receives request text. */
  reportError?: (error: unknown) => void;
  /** Extra routes mounted before GraphQL: the Slack ingress, the console, metrics. */
  mount?: (app: Express) => void;
}

export interface ApiServer {
  app: Express;
  httpServer: Server;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';

/**
 * The HTTP server: health, GraphQL over POST and over graphql-ws on the same path, and whatever `mount` adds.
 * @example const server = await createApiServer({ schema, services }); await server.listen(8000);
 */
export async function createApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { schema, services } = options;
  const report = options.reportError ?? (() => undefined);
  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers POSTs, which no HTTP cache keeps: hashing every response body for an ETag is wasted CPU.
  // (The console's static files get theirs from express.static.)
  app.set('etag', false);
  const httpServer = createServer(app);

  const wsServer = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH });
  const wsCleanup = useServer(
    {
      schema,
      context: async (ctx): Promise<ApiContext> => {
        const params = ctx.connectionParams ?? {};
        const header = params.Authorization ?? params.authorization;
        const principal = await authenticate(services, typeof header === 'string' ? header : undefined);
        return { principal, requestId: randomUUID(), services, loaders: createLoaders(services) };
      },
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const header = params.Authorization ?? params.authorization;
        return (await authenticate(services, typeof header === 'string' ? header : undefined)) !== null;
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<ApiContext>({
    gateway: compiledExecution(schema),
    introspection: true,
    // The process shuts down on SIGTERM/SIGINT itself (run-service.ts), closing this server in its turn. Apollo's
    // own handlers would stop it first and then re-raise the signal, killing the process (exit 143) before the
    // worker finished its work in flight and the database closed.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    // Compact JSON: Apollo indents by default, which costs CPU and bytes on every response (clients re-format).
    stringifyResult: (value) => JSON.stringify(value),
    formatError: (formatted, error) =>
      formatError(formatted, error, { development: options.development ?? false, report }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No cache hints are used; without this plugin Apollo instruments every field of every response.
      ApolloServerPluginCacheControlDisabled(),
      queryLimitsPlugin(options.limits ?? DEFAULT_QUERY_LIMITS),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.use(healthRoutes(services));
  options.mount?.(app);
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: options.bodyLimit ?? '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<ApiContext> => {
        const principal = await authenticate(services, req.headers.authorization);
        if (!principal) throw unauthenticated();
        return { principal, requestId: requestIdOf(req), services, loaders: createLoaders(services) };
      },
    }),
  );
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: number }).status ?? 500;
    if (status === 413) {
      res
        .status(413)
        .json({ errors: [{ message: 'Request body too large.', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    if (status >= 400 && status < 500) {
      res
        .status(status)
        .json({ errors: [{ message: 'Malformed request.', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    report(error);
    res.status(500).json({
      errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  });

  return {
    app,
    httpServer,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve((httpServer.address() as AddressInfo).port));
      }),
    close: async () => {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

/** The caller's X-Request-Id when it is a sane token (it ends up in event metadata), else a fresh UUID. */
function requestIdOf(req: Request): string {
  const given = req.header('x-request-id');
  return given && /^[A-Za-z0-9._:@/+=-]{1,200}$/.test(given) ? given : randomUUID();
}

async function authenticate(services: ApiServices, header: string | undefined) {
  const token = bearerToken(header);
  return token ? services.authenticate(token) : null;
}
