import { parse, validate, type GraphQLSchema } from 'graphql';
import { buildApiSchema } from '../../../api/graphql/build-schema';
import * as documents from '../../../admin-ui/src/graphql/documents';

const operations = Object.entries(documents).filter(([, text]) =>
  /^\s*(query|mutation|subscription)\b/.test(text),
);

describe('every GraphQL operation the console sends', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildApiSchema();
  });

  it('is found (the console has operations to check)', () => {
    expect(operations.length).toBeGreaterThan(15);
  });

  it.each(operations)('%s is valid against the API schema', (_name, text) => {
    expect(validate(schema, parse(text)).map((e) => e.message)).toEqual([]);
  });
});
