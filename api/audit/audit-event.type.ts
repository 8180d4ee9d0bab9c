import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../graphql/relay';
import { JSONScalar } from '../graphql/scalars';

@ObjectType({
  simpleResolvers: true,
  description:
    'One event of the append-only, hash-chained audit log. Events are never changed or removed; corrections ' +
    'are new events.',
})
export class AuditEvent {
  @Field(() => ID, { description: 'The event’s unique id (a UUID); also its idempotency key.' })
  id!: string;

  @Field({
    description:
      'Global order of the log, a 64-bit integer written as a string. Grows with every append; may have gaps.',
  })
  position!: string;

  @Field({ description: 'The event type, e.g. `LeakDetected`, `PatternUpdated`, `ContentRevealed`.' })
  type!: string;

  @Field({
    description:
      'The stream the event belongs to: everything about one thing, e.g. `message:T1:C1:1700000000.000100`, ' +
      '`pattern:<id>`, `api-key:<id>`.',
  })
  streamId!: string;

  @Field(() => Int, { description: 'The event’s place in its stream, from 1.' })
  streamVersion!: number;

  @Field(() => Int, { description: 'The version of the payload schema `data` was written with.' })
  version!: number;

  @Field({ description: 'When it happened, as the writer saw it.' })
  occurredAt!: Date;

  @Field({ description: 'When the database recorded it.' })
  recordedAt!: Date;

  @Field({ description: 'Who caused it: `system`, `api_key:<key id>` or `slack_user:<Slack user id>`.' })
  actor!: string;

  @Field(() => JSONScalar, {
    description:
      'The payload as recorded (masked matches and redacted content only; raw content, when kept, is sealed).',
  })
  data!: unknown;

  @Field(() => JSONScalar, {
    description: 'Actor, correlation id (e.g. the API request id) and causation id.',
  })
  metadata!: unknown;

  @Field({ description: 'SHA-256 (hex) over the previous event’s hash and this event’s canonical form.' })
  hash!: string;

  @Field({ description: 'The hash of the event before it (64 zeros for the first event): the chain’s link.' })
  prevHash!: string;
}

@ObjectType({ simpleResolvers: true, description: 'An audit event and its cursor.' })
export class AuditEventEdge {
  @Field({ description: 'Pass as `after` or `before` to page from this event.' })
  cursor!: string;

  @Field(() => AuditEvent, { description: 'The event.' })
  node!: AuditEvent;
}

@ObjectType({ simpleResolvers: true, description: 'A page of audit events in log (position) order.' })
export class AuditEventConnection {
  @Field(() => [AuditEventEdge], { description: 'The events of this page, with cursors.' })
  edges!: AuditEventEdge[];

  @Field(() => [AuditEvent], { description: 'The events of this page, without cursors.' })
  nodes!: AuditEvent[];

  @Field(() => PageInfo, { description: 'Where this page sits in the log.' })
  pageInfo!: PageInfo;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The result of walking the audit log’s hash chain from the first event to the last.',
})
export class AuditLogIntegrity {
  @Field({ description: 'True when every event still produces its hash and links to the one before it.' })
  ok!: boolean;

  @Field(() => Int, { description: 'Events checked (including the first broken one, if any).' })
  checkedEvents!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Position of the first event whose content or link does not match; null when intact.',
  })
  firstBrokenPosition!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '`hash`: that event was edited; `link`: an event before it was removed, inserted or re-hashed. Null when intact.',
  })
  reason!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Hash of the last verified event. Keep it outside LeakShield: if a later check ends earlier, the tail was cut.',
  })
  lastHash!: string | null;

  @Field(() => String, { nullable: true, description: 'Position of the last verified event.' })
  lastPosition!: string | null;

  @Field({ description: 'When the check ran.' })
  checkedAt!: Date;
}
