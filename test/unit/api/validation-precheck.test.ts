import 'reflect-metadata';
import { inspect } from 'node:util';
import { getMetadataStorage as validatorStorage, validate } from 'class-validator';
import { getMetadataStorage as schemaStorage } from 'type-graphql';
import { DetectionFilterInput, DetectionsArgs } from '../../../api/detections/detection.args';
import { resolvers } from '../../../api/graphql/resolvers';
import { VALIDATOR_OPTIONS } from '../../../api/graphql/validate-arguments';
import { passesValidation, type ClassType } from '../../../api/graphql/validation-precheck';

/** Every input and arguments class of the schema that carries class-validator decorators. */
function validatedClasses(): ClassType[] {
  expect(resolvers.length).toBeGreaterThan(0); // the import registers every class
  const storage = schemaStorage();
  const classes = [...storage.inputTypes, ...storage.argumentTypes].map(
    (metadata) => metadata.target as ClassType,
  );
  return [...new Set(classes)].filter(
    (target) => validatorStorage().getTargetValidationMetadatas(target, '', false, false).length > 0,
  );
}

function propertiesOf(target: ClassType): string[] {
  const metadatas = validatorStorage().getTargetValidationMetadatas(target, '', false, false);
  return [...new Set(metadatas.map((metadata) => metadata.propertyName))];
}

/** A small deterministic generator, so a failure names a case that can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SCALARS: unknown[] = [
  undefined,
  null,
  '',
  'a',
  'C0001',
  'U0001',
  'bad id!',
  'x'.repeat(64),
  'x'.repeat(201),
  'x'.repeat(5_000),
  'ZXhhbXBsZQ',
  0,
  1,
  20,
  100,
  101,
  -1,
  1.5,
  Number.NaN,
  true,
  [],
  ['LOW'],
  ['LOW', 'HIGH', 'MEDIUM', 'CRITICAL', 'LOW'],
  [''],
  ['x'.repeat(300)],
  [null],
  new Date(0),
  new Date(Number.NaN),
];

function randomInstance(
  target: ClassType,
  classes: ClassType[],
  random: () => number,
  depth: number,
): object {
  const instance = Object.create(target.prototype as object) as Record<string, unknown>;
  for (const property of propertiesOf(target)) {
    const roll = random();
    if (roll < 0.35) continue; // left out, as most optional arguments are
    if (roll < 0.45 && depth < 2) {
      const nestedClass = classes[Math.floor(random() * classes.length)]!;
      const nested = randomInstance(nestedClass, classes, random, depth + 1);
      instance[property] = random() < 0.5 ? nested : [nested];
      continue;
    }
    instance[property] = SCALARS[Math.floor(random() * SCALARS.length)];
  }
  return instance;
}

describe('the argument validation pre-check', () => {
  it('agrees with class-validator on thousands of valid and invalid arguments of every validated class', async () => {
    const classes = validatedClasses();
    expect(classes.length).toBeGreaterThan(10);
    const random = seeded(20261206);
    let valid = 0;
    let invalid = 0;
    for (let round = 0; round < 200; round += 1) {
      for (const target of classes) {
        const instance = randomInstance(target, classes, random, 0);
        const errors = await validate(instance, VALIDATOR_OPTIONS);
        const context = `${target.name} round ${round} ${inspect(instance, { depth: 4 })}`;
        expect({ context, passes: passesValidation(instance) }).toEqual({
          context,
          passes: errors.length === 0,
        });
        if (errors.length === 0) valid += 1;
        else invalid += 1;
      }
    }
    // Both answers were exercised, many times.
    expect(valid).toBeGreaterThan(100);
    expect(invalid).toBeGreaterThan(100);
  });

  it('passes the arguments of a filtered page of detections, and refuses a bad page size or channel', () => {
    const filter = Object.assign(new DetectionFilterInput(), { channelId: 'C0007' });
    const page = Object.assign(new DetectionsArgs(), { first: 20, filter });
    expect(passesValidation(page)).toBe(true);
    expect(passesValidation(Object.assign(new DetectionsArgs(), { first: 101, filter }))).toBe(false);
    const badChannel = Object.assign(new DetectionFilterInput(), { channelId: 'C0007; DROP' });
    expect(passesValidation(Object.assign(new DetectionsArgs(), { first: 20, filter: badChannel }))).toBe(
      false,
    );
  });

  it('leaves what it does not replay to class-validator', () => {
    class Unknown {}
    expect(passesValidation(new Unknown())).toBe(true); // no decorators: nothing to check, as class-validator says
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let depth = 0; depth < 40; depth += 1) {
      const next = Object.assign(new DetectionsArgs(), { first: 20 });
      cursor.filter = next;
      cursor = next as unknown as Record<string, unknown>;
    }
    expect(passesValidation(Object.assign(new DetectionsArgs(), deep))).toBe(false);
  });
});
