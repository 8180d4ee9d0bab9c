import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { badUserInput } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({
  simpleResolvers: true,
  description: 'Information about pagination in a connection (Relay cursor connections).',
})
export class PageInfo {
  @Field({ description: 'When paginating forwards, are there more items?' })
  hasNextPage!: boolean;

  @Field({ description: 'When paginating backwards, are there more items?' })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the first edge, to page backwards from.',
  })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last edge, to page forwards from.' })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Returns the first n items after \`after\` (at most ${MAX_PAGE_SIZE}).`,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Returns items after this cursor.' })
  @IsOptional()
  @IsString()
  after?: string;

  @Field(() => Int, {
    nullable: true,
    description: `Returns the last n items before \`before\` (at most ${MAX_PAGE_SIZE}).`,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE, { message: `last must be at most ${MAX_PAGE_SIZE}` })
  last?: number;

  @Field(() => String, { nullable: true, description: 'Returns items before this cursor.' })
  @IsOptional()
  @IsString()
  before?: string;
}

/** A page request in one direction, as the data layer wants it. */
export interface PageRequest<K> {
  direction: 'forward' | 'backward';
  size: number;
  /** Exclusive bound: items strictly after (forward) or before (backward) this key. */
  cursor: K | null;
}

/** Cursors are opaque to clients: base64url of a typed JSON key, so the encoding can change later. */
export function encodeCursor(kind: string, key: unknown): string {
  return Buffer.from(JSON.stringify([kind, key]), 'utf8').toString('base64url');
}

export function decodeCursor<K>(
  kind: string,
  cursor: string,
  check: (key: unknown) => key is K,
  field: 'after' | 'before' = 'after',
): K {
  try {
    const [k, key] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (k === kind && check(key)) return key;
  } catch {
    // fall through to the error below
  }
  throw badUserInput(`Invalid cursor for ${kind}: \`${field}\` must be a cursor returned by this list.`, [
    { field: [field], message: 'not a cursor from this list' },
  ]);
}

export function pageRequest<K>(
  args: ConnectionArgs,
  kind: string,
  check: (key: unknown) => key is K,
): PageRequest<K> {
  // GraphQL lets a client send an explicit null for an optional argument: it means the same as leaving it out.
  const first = args.first ?? undefined;
  const last = args.last ?? undefined;
  const after = args.after ?? undefined;
  const before = args.before ?? undefined;
  if (first !== undefined && last !== undefined) {
    throw badUserInput('Pass either `first` or `last`, not both.', [
      { field: ['last'], message: 'conflicts with first' },
    ]);
  }
  if (last !== undefined || (before !== undefined && first === undefined)) {
    return {
      direction: 'backward',
      size: last ?? DEFAULT_PAGE_SIZE,
      cursor: before !== undefined ? decodeCursor(kind, before, check, 'before') : null,
    };
  }
  return {
    direction: 'forward',
    size: first ?? DEFAULT_PAGE_SIZE,
    cursor: after !== undefined ? decodeCursor(kind, after, check) : null,
  };
}
