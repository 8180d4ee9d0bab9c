import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  findBreakingChanges,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { buildApiSchema, printApiSchema } from '../../../api/graphql/build-schema';

const ROOT = join(__dirname, '../../..');
const RELEASES = join(ROOT, 'schema/releases');

/** The newest released schema: schema/releases/<semver>.graphql. */
function latestRelease(): { version: string; sdl: string } {
  const versions = readdirSync(RELEASES)
    .filter((name) => /^\d+\.\d+\.\d+\.graphql$/.test(name))
    .map((name) => name.replace(/\.graphql$/, ''))
    .sort((a, b) => {
      const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
      return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
    });
  const version = versions[versions.length - 1];
  if (!version) throw new Error('no released schema in schema/releases');
  return { version, sdl: readFileSync(join(RELEASES, `${version}.graphql`), 'utf8') };
}

/** Everything a client sees that has no description. */
function undescribed(schema: GraphQLSchema): string[] {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    if (!roots.has(type as never) && !type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args)
          if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues())
        if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('the GraphQL schema', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildApiSchema();
  });

  it('matches schema/schema.graphql: run `npm run schema:emit` and commit the file after a change', () => {
    const committed = readFileSync(join(ROOT, 'schema/schema.graphql'), 'utf8');
    expect(committed).toBe(printApiSchema(schema));
  });

  it('breaks nothing a client of the previous release relies on', () => {
    const release = latestRelease();
    const changes = findBreakingChanges(buildSchema(release.sdl), schema);
    expect({
      release: release.version,
      breaking: changes.map((change) => `${change.type}: ${change.description}`),
    }).toEqual({
      release: release.version,
      breaking: [],
    });
  });

  it('reads plain fields straight off their objects, so no plain field may ask for a role or a middleware', () => {
    // `simpleResolvers` spares every field of every row a wrapper call and two allocations, but a wrapper is also
    // what enforces @Authorized and @UseMiddleware on a plain field: such a field would silently lose them.
    // Permissions belong on queries, mutations and @FieldResolver methods (which keep their wrappers).
    const storage = getMetadataStorage();
    const ours = storage.objectTypes.filter((type) => schema.getType(type.name));
    expect(ours.length).toBeGreaterThan(20);
    const notSimple = ours.filter((type) => type.simpleResolvers !== true).map((type) => type.name);
    const guarded = ours.flatMap((type) =>
      (type.fields ?? [])
        .filter((field) => (field.roles?.length ?? 0) > 0 || (field.middlewares?.length ?? 0) > 0)
        .map((field) => `${type.name}.${field.name}`),
    );
    expect({ notSimple, guarded }).toEqual({ notSimple: [], guarded: [] });
  });

  it('describes every type, field, argument and enum value', () => {
    expect(undescribed(schema)).toEqual([]);
  });

  it('keeps the names the external contract fixes', () => {
    const query = schema.getQueryType()!.getFields();
    const mutation = schema.getMutationType()!.getFields();
    for (const name of [
      'auditEvents',
      'detections',
      'patterns',
      'pattern',
      'auditLogIntegrity',
      'stats',
      'scanText',
      'testPattern',
      'detectors',
      'apiKeys',
      'me',
    ]) {
      expect(query).toHaveProperty(name);
    }
    for (const name of [
      'createPattern',
      'updatePattern',
      'enablePattern',
      'disablePattern',
      'deletePattern',
      'createApiKey',
      'revokeApiKey',
      'revealContent',
    ]) {
      expect(mutation).toHaveProperty(name);
    }
    expect(schema.getSubscriptionType()!.getFields()).toHaveProperty('detectionAdded');
    const auditEvent = schema.getType('AuditEvent');
    expect(isObjectType(auditEvent) && Object.keys(auditEvent.getFields())).toEqual(
      expect.arrayContaining([
        'id',
        'position',
        'type',
        'streamId',
        'streamVersion',
        'occurredAt',
        'recordedAt',
        'actor',
        'data',
        'metadata',
        'hash',
      ]),
    );
    const detection = schema.getType('Detection');
    expect(isObjectType(detection) && Object.keys(detection.getFields())).toEqual(
      expect.arrayContaining([
        'id',
        'source',
        'channelId',
        'userId',
        'messageTs',
        'fileId',
        'fileName',
        'patternId',
        'patternName',
        'severity',
        'action',
        'maskedMatch',
        'redactedContent',
        'detectedAt',
        'events',
      ]),
    );
    const integrity = schema.getType('AuditLogIntegrity');
    expect(isObjectType(integrity) && Object.keys(integrity.getFields())).toEqual(
      expect.arrayContaining(['ok', 'checkedEvents', 'firstBrokenPosition']),
    );
  });
});
