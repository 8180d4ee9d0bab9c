import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildApiSchema, printApiSchema } from './build-schema';

/** `npm run schema:emit`: writes the SDL the resolvers produce to schema/schema.graphql (committed, reviewed). */
export const SCHEMA_FILE = 'schema/schema.graphql';

async function main(): Promise<void> {
  const target = resolve(process.argv[2] ?? SCHEMA_FILE);
  await writeFile(target, printApiSchema(await buildApiSchema()));
  process.stdout.write(`wrote ${target}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
