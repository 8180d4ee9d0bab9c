import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Executes queries and mutations with graphql-jit: each document is compiled once into a function specialised to
 * its selection, instead of graphql-js walking the AST and allocating an info object, a path and an argument map
 * for every field of every row (half of the API's allocations on a page of detections). Apollo still parses,
 * validates, applies the query limits and formats errors; only execution changes. The compiled function is kept
 * with the parsed document, so it lives exactly as long as Apollo's document cache keeps the query. Anything the
 * compiler refuses runs through graphql-js as before.
 *
 * Plugged in through Apollo's executor hook (the `gateway` option), the one way Apollo Server lets a server
 * choose how an operation is executed.
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  const compiledFor = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) {
      byName = new Map();
      compiled.set(document, byName);
    }
    const key = operationName ?? '';
    let query = byName.get(key);
    if (query === undefined) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      query = isCompiledQuery(result) ? result : null;
      byName.set(key, query);
    }
    return query;
  };

  const executor: GatewayExecutor = async (request) => {
    const variables = request.request.variables ?? {};
    const query =
      request.operation.operation === 'subscription'
        ? null
        : compiledFor(request.document, request.operationName);
    if (query) {
      const result = await query.query(undefined, request.context, variables);
      // No `data` means the variables were refused before anything ran: graphql-js words that refusal the way
      // Apollo recognises as BAD_USER_INPUT, so it answers instead.
      if ('data' in result) {
        return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
      }
    }
    const result: ExecutionResult = await execute({
      schema,
      document: request.document,
      contextValue: request.context,
      variableValues: variables,
      operationName: request.operationName,
    });
    return result;
  };

  return {
    load: () => Promise.resolve({ executor }),
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    stop: () => Promise.resolve(),
  };
}

/**
 * graphql-jit's errors pass `instanceof GraphQLError` but leave `extensions` undefined when there are none, which
 * Apollo's error formatting does not expect; rebuilt as graphql-js builds them, with the same path, locations and
 * original error (which our formatError reads for codes and validation details).
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? undefined,
  });
  (rebuilt as { locations: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}
