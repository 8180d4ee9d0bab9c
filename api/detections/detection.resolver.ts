import type { GraphQLResolveInfo } from 'graphql';
import {
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
  type SubscriptionHandlerData,
} from 'type-graphql';
import { AuditEvent } from '../audit/audit-event.type';
import { commandContext, type ApiContext } from '../graphql/context';
import { toConnection } from '../graphql/connection';
import { badUserInput } from '../graphql/errors';
import { encodeCursor, pageRequest } from '../graphql/relay';
import { selectsField } from '../graphql/selection';
import { findingStreamId } from '../services/content-reveal.service';
import { detectionCursorOf, isDetectionCursor, matchesDetectionFilter } from '../services/detections.service';
import { DETECTION_ADDED } from '../services/topics';
import type { AuditEventRecord, DetectionFilter, DetectionOrder, DetectionRecord } from '../services/types';
import {
  DetectionAddedArgs,
  DetectionIdArgs,
  DetectionsArgs,
  RevealContentArgs,
  type DetectionFilterInput,
} from './detection.args';
import { Detection, DetectionConnection, RevealContentPayload } from './detection.type';

const DEFAULT_ORDER: DetectionOrder = { field: 'DETECTED_AT', direction: 'DESC' };
const DEFAULT_REVEAL_REASON = 'revealed through the API';

/** Cursors name their order, so a cursor from one sort order is refused by another instead of misread. */
const cursorKind = (order: DetectionOrder): string => `detection:${order.field}:${order.direction}`;

export function toDetectionFilter(input: DetectionFilterInput | undefined): DetectionFilter {
  if (!input) return {};
  if (input.from && input.to && input.from >= input.to) {
    throw badUserInput('`filter.from` must be before `filter.to`.', [
      { field: ['filter', 'to'], message: 'must be after filter.from' },
    ]);
  }
  const filter: DetectionFilter = {};
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined && value !== null) (filter as Record<string, unknown>)[key] = value;
  }
  return filter;
}

async function eventsOf(detection: DetectionRecord, { loaders }: ApiContext): Promise<AuditEventRecord[]> {
  const results = await loaders.streamEvents.loadMany([detection.streamId, findingStreamId(detection.id)]);
  const events: AuditEventRecord[] = [];
  for (const result of results) {
    if (result instanceof Error) throw result;
    events.push(...result);
  }
  return events.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
}

async function locationOf(
  detection: DetectionRecord,
  context: ApiContext,
): Promise<{ line: number; column: number } | null> {
  const events = await eventsOf(detection, context);
  const leak = events.find(
    (event) =>
      event.type === 'LeakDetected' &&
      (event.data as { findingId?: string } | null)?.findingId === detection.id,
  );
  const location = (leak?.data as { location?: { line?: unknown; column?: unknown } } | undefined)?.location;
  return typeof location?.line === 'number' && typeof location.column === 'number'
    ? { line: location.line, column: location.column }
    : null;
}

@Resolver(() => Detection)
export class DetectionResolver {
  @Authorized('detections:read')
  @Query(() => DetectionConnection, {
    description:
      'Detections, newest first unless `orderBy` says otherwise, filtered. Keyset-paginated: a deep page is as ' +
      'fast as the first.',
  })
  async detections(
    @Args() args: DetectionsArgs,
    @Ctx() { services }: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DetectionConnection> {
    const filter = toDetectionFilter(args.filter);
    const order = args.orderBy ?? DEFAULT_ORDER;
    const kind = cursorKind(order);
    const request = pageRequest(args, kind, isDetectionCursor(order));
    const page = await services.listDetections(filter, order, request, {
      withTotal: selectsField(info, 'totalCount'),
    });
    const { total } = page;
    return {
      ...toConnection(page, request, (detection) => encodeCursor(kind, detectionCursorOf(detection, order))),
      count: () => (total === undefined ? services.countDetections(filter) : Promise.resolve(total)),
    };
  }

  @Authorized('detections:read')
  @Query(() => Detection, { nullable: true, description: 'One detection by id; null when unknown.' })
  detection(
    @Args() { id }: DetectionIdArgs,
    @Ctx() { services }: ApiContext,
  ): Promise<DetectionRecord | null> {
    return services.getDetection(id);
  }

  @Authorized('content:reveal')
  @Mutation(() => RevealContentPayload, {
    description:
      'Returns a detection’s raw content when it was stored (encrypted). ADMIN and ANALYST only. A ContentRevealed ' +
      'event naming your key is appended before the content is returned. NOT_FOUND for an unknown detection.',
  })
  revealContent(
    @Args() { detectionId, reason }: RevealContentArgs,
    @Ctx() context: ApiContext,
  ): Promise<RevealContentPayload> {
    return context.services.revealContent(
      detectionId,
      reason ?? DEFAULT_REVEAL_REASON,
      commandContext(context),
    );
  }

  @Authorized('detections:read')
  @Subscription(() => Detection, {
    topics: DETECTION_ADDED,
    filter: ({ payload, args }: SubscriptionHandlerData<DetectionRecord, DetectionAddedArgs>) =>
      matchesDetectionFilter(payload, toDetectionFilter(args.filter)),
    description:
      'New detections as they are recorded, by any worker process (over graphql-ws on /graphql). Only those ' +
      'matching `filter` are sent.',
  })
  detectionAdded(@Root() detection: DetectionRecord, @Args() _args: DetectionAddedArgs): DetectionRecord {
    return detection;
  }

  @FieldResolver(() => [AuditEvent], {
    description:
      'Every audit event about this message or file (scanned, detected, blocked, failed, revealed…), oldest first.',
  })
  events(@Root() detection: DetectionRecord, @Ctx() context: ApiContext): Promise<AuditEventRecord[]> {
    return eventsOf(detection, context);
  }

  @FieldResolver(() => Int, { nullable: true, description: '1-based line of the match in the scanned text.' })
  async line(@Root() detection: DetectionRecord, @Ctx() context: ApiContext): Promise<number | null> {
    return (await locationOf(detection, context))?.line ?? null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: '1-based column of the match, in UTF-16 code units from the line start.',
  })
  async column(@Root() detection: DetectionRecord, @Ctx() context: ApiContext): Promise<number | null> {
    return (await locationOf(detection, context))?.column ?? null;
  }
}

@Resolver(() => DetectionConnection)
export class DetectionConnectionResolver {
  @FieldResolver(() => Int, {
    description:
      'How many detections match the filter, across all pages (one extra count query: ask only if needed).',
  })
  totalCount(@Root() connection: DetectionConnection): Promise<number> {
    return connection.count();
  }
}
