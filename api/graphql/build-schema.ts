import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { authChecker } from './auth-checker';
import { resolvers } from './resolvers';
import { DateTimeScalar } from './scalars';
import { validateArguments } from './validate-arguments';

/**
 * Builds the public GraphQL schema from the resolvers. Pass the pubsub the services publish detections to
 * (createApiServices' `pubSub`); the default one only serves printing the schema.
 */
export async function buildApiSchema(
  pubSub: PubSub = createPubSub() as unknown as PubSub,
): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validateFn: validateArguments,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    pubSub,
  });
}

export const SCHEMA_HEADER =
  '# Generated from the resolvers by `npm run schema:emit` — do not edit.\n' +
  '# A test fails when this file and the code disagree, so every schema change is reviewed.\n\n';

export function printApiSchema(schema: GraphQLSchema): string {
  return `${SCHEMA_HEADER}${printSchema(schema)}\n`;
}
