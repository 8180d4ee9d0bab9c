import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { isEventType } from '../../schema/events/registry';
import type { ApiContext } from '../graphql/context';
import { toConnection } from '../graphql/connection';
import { badUserInput } from '../graphql/errors';
import { encodeCursor, pageRequest } from '../graphql/relay';
import type { AuditEventFilter } from '../services/types';
import { AuditEventsArgs, type AuditEventFilterInput } from './audit-event.args';
import { AuditEventConnection, AuditLogIntegrity } from './audit-event.type';

export const AUDIT_CURSOR = 'audit';

export const isPosition = (key: unknown): key is number =>
  typeof key === 'number' && Number.isSafeInteger(key) && key >= 0;

export const auditCursorOf = (event: { position: string }): string =>
  encodeCursor(AUDIT_CURSOR, Number(event.position));

/** The filter as the service wants it; unknown event types are named back to the caller. */
export function toAuditFilter(input: AuditEventFilterInput | undefined): AuditEventFilter {
  if (!input) return {};
  const unknown = (input.types ?? [])
    .map((type, index) => ({ type, index }))
    .filter(({ type }) => !isEventType(type));
  if (unknown.length > 0) {
    throw badUserInput(
      `Unknown event type${unknown.length > 1 ? 's' : ''}: ${unknown.map(({ type }) => type).join(', ')}.`,
      unknown.map(({ index }) => ({
        field: ['filter', 'types', String(index)],
        message: 'not an event type',
      })),
    );
  }
  if (input.from && input.to && input.from >= input.to) {
    throw badUserInput('`filter.from` must be before `filter.to`.', [
      { field: ['filter', 'to'], message: 'must be after filter.from' },
    ]);
  }
  return {
    ...(input.types?.length ? { types: [...new Set(input.types)] } : {}),
    ...(input.streamId !== undefined ? { streamId: input.streamId } : {}),
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
    ...(input.actor !== undefined ? { actor: input.actor } : {}),
  };
}

@Resolver()
export class AuditResolver {
  @Authorized('audit:read')
  @Query(() => AuditEventConnection, {
    description:
      'The audit log in position order (oldest first), filtered. Page forwards with `first`/`after` (e.g. to ' +
      'sync into a SIEM: keep the last `endCursor`), or from the newest backwards with `last`/`before`.',
  })
  async auditEvents(
    @Args() args: AuditEventsArgs,
    @Ctx() { services }: ApiContext,
  ): Promise<AuditEventConnection> {
    const filter = toAuditFilter(args.filter);
    const request = pageRequest(args, AUDIT_CURSOR, isPosition);
    const page = await services.listAuditEvents(filter, request);
    return toConnection(page, request, auditCursorOf);
  }

  @Authorized('audit:read')
  @Query(() => AuditLogIntegrity, {
    description:
      'Walks the whole hash chain and reports the first broken event, if any. Reads every event: seconds on a ' +
      'large log; concurrent requests share one walk.',
  })
  auditLogIntegrity(@Ctx() { services }: ApiContext): Promise<AuditLogIntegrity> {
    return services.auditLogIntegrity();
  }
}
