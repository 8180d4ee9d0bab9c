import { Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { patternStreamId } from '../../schema/patterns/pattern-state';
import { auditCursorOf, AUDIT_CURSOR, isPosition } from '../audit/audit.resolver';
import { AuditEventConnection } from '../audit/audit-event.type';
import { commandContext, type ApiContext } from '../graphql/context';
import { toConnection } from '../graphql/connection';
import { ConnectionArgs, encodeCursor, pageRequest } from '../graphql/relay';
import { isPatternCursor, patternCursorOf } from '../services/patterns.service';
import type { PatternFilter, PatternRecord } from '../services/types';
import { CreatePatternArgs, PatternIdArgs, PatternsArgs, UpdatePatternArgs } from './pattern.args';
import { toPatternDefinition } from './pattern.input';
import { DeletePatternPayload, Pattern, PatternConnection, PatternPayload } from './pattern.type';

const PATTERN_CURSOR = 'pattern';

function draftOf(input: Parameters<typeof toPatternDefinition>[1]): Record<string, unknown> {
  const { id: _id, ...draft } = toPatternDefinition('draft', input);
  return draft;
}

@Resolver(() => Pattern)
export class PatternResolver {
  @Authorized('patterns:read')
  @Query(() => PatternConnection, {
    description: 'Patterns (custom and built-in, not deleted), ordered by name, filtered.',
  })
  async patterns(@Args() args: PatternsArgs, @Ctx() { services }: ApiContext): Promise<PatternConnection> {
    const filter: PatternFilter = { ...args.filter };
    const request = pageRequest(args, PATTERN_CURSOR, isPatternCursor);
    const page = await services.listPatterns(filter, request);
    return {
      ...toConnection(page, request, (pattern) => encodeCursor(PATTERN_CURSOR, patternCursorOf(pattern))),
      count: () => services.countPatterns(filter),
    };
  }

  @Authorized('patterns:read')
  @Query(() => Pattern, { nullable: true, description: 'One pattern by id; null when unknown or deleted.' })
  pattern(@Args() { id }: PatternIdArgs, @Ctx() { services }: ApiContext): Promise<PatternRecord | null> {
    return services.getPattern(id);
  }

  @Authorized('patterns:write')
  @Mutation(() => PatternPayload, {
    description:
      'Creates a pattern (appends PatternCreated). Invalid input (a regex that is not RE2, an unknown validator…) ' +
      'comes back in `userErrors` with the field and, for regexes, where and why.',
  })
  createPattern(@Args() { input }: CreatePatternArgs, @Ctx() context: ApiContext): Promise<PatternPayload> {
    return context.services.createPattern(draftOf(input), commandContext(context));
  }

  @Authorized('patterns:write')
  @Mutation(() => PatternPayload, {
    description:
      'Replaces a pattern’s definition (appends PatternUpdated). Fails with CONFLICT when `expectedVersion` is ' +
      'not the current version, NOT_FOUND when the pattern does not exist or was deleted.',
  })
  updatePattern(
    @Args() { id, input, expectedVersion }: UpdatePatternArgs,
    @Ctx() context: ApiContext,
  ): Promise<PatternPayload> {
    return context.services.updatePattern(id, draftOf(input), expectedVersion, commandContext(context));
  }

  @Authorized('patterns:write')
  @Mutation(() => PatternPayload, {
    description: 'Turns a pattern on (appends PatternEnabled; nothing when it already is).',
  })
  async enablePattern(@Args() { id }: PatternIdArgs, @Ctx() context: ApiContext): Promise<PatternPayload> {
    return {
      pattern: await context.services.setPatternEnabled(id, true, commandContext(context)),
      userErrors: [],
    };
  }

  @Authorized('patterns:write')
  @Mutation(() => PatternPayload, {
    description: 'Turns a pattern off: kept, but not scanned with (appends PatternDisabled).',
  })
  async disablePattern(@Args() { id }: PatternIdArgs, @Ctx() context: ApiContext): Promise<PatternPayload> {
    return {
      pattern: await context.services.setPatternEnabled(id, false, commandContext(context)),
      userErrors: [],
    };
  }

  @Authorized('patterns:write')
  @Mutation(() => DeletePatternPayload, {
    description:
      'Deletes a pattern (appends PatternDeleted). Its history stays in the audit log; its id is never reused.',
  })
  async deletePattern(
    @Args() { id }: PatternIdArgs,
    @Ctx() context: ApiContext,
  ): Promise<DeletePatternPayload> {
    await context.services.deletePattern(id, commandContext(context));
    return { deletedPatternId: id, userErrors: [] };
  }

  @FieldResolver(() => AuditEventConnection, {
    description: 'The pattern’s own audit events (created, updated, enabled…), oldest first.',
  })
  async history(
    @Root() pattern: PatternRecord,
    @Args() args: ConnectionArgs,
    @Ctx() { services }: ApiContext,
  ): Promise<AuditEventConnection> {
    const request = pageRequest(args, AUDIT_CURSOR, isPosition);
    const page = await services.listAuditEvents({ streamId: patternStreamId(pattern.id) }, request);
    return toConnection(page, request, auditCursorOf);
  }
}

@Resolver(() => PatternConnection)
export class PatternConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many patterns match the filter, across all pages.' })
  totalCount(@Root() connection: PatternConnection): Promise<number> {
    return connection.count();
  }
}
