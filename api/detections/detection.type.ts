import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { FindingSource } from '../../schema/events/common';
import type { Action, Severity } from '../../worker/dlp/types';
import { ActionEnum, FindingSourceEnum, OutcomeStatusEnum, SeverityEnum } from '../graphql/enums';
import { PageInfo } from '../graphql/relay';
import { UserError } from '../graphql/user-error.type';
import type { OutcomeStatus } from '../services/types';

@ObjectType({
  simpleResolvers: true,
  description:
    'One finding of sensitive data in a Slack message or file, and what was done about it. Holds the masked ' +
    'match and the redacted content only; raw content, when kept, is opened with `revealContent`.',
})
export class Detection {
  @Field(() => ID, { description: 'The finding’s id (a UUID).' })
  id!: string;

  @Field(() => FindingSourceEnum, { description: 'A message or a file.' })
  source!: FindingSource;

  @Field({ description: 'The Slack workspace (team) id.' })
  teamId!: string;

  @Field(() => String, { nullable: true, description: 'The Slack channel id.' })
  channelId!: string | null;

  @Field(() => String, { nullable: true, description: 'The Slack user id of the author.' })
  userId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The message’s Slack timestamp (its id in the channel).',
  })
  messageTs!: string | null;

  @Field(() => String, { nullable: true, description: 'The thread’s root timestamp, for a reply.' })
  threadTs!: string | null;

  @Field(() => String, { nullable: true, description: 'The Slack file id, for a file.' })
  fileId!: string | null;

  @Field(() => String, { nullable: true, description: 'The file’s name, for a file.' })
  fileName!: string | null;

  @Field(() => ID, { description: 'The pattern (or built-in detector) that matched.' })
  patternId!: string;

  @Field({ description: 'The pattern’s name at the time of detection.' })
  patternName!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The pattern’s version at the time of detection, when the worker recorded it.',
  })
  patternVersion!: number | null;

  @Field(() => SeverityEnum, { description: 'The pattern’s severity.' })
  severity!: Severity;

  @Field(() => ActionEnum, { description: 'The action the pattern’s policy asked for.' })
  action!: Action;

  @Field(() => OutcomeStatusEnum, { description: 'What became of that action.' })
  outcome!: OutcomeStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why the action failed (e.g. `BLOCK failed: message_not_found`), when `outcome` is FAILED.',
  })
  outcomeError!: string | null;

  @Field(() => Float, { description: 'Confidence from 0 to 1.' })
  confidence!: number;

  @Field({ description: 'The match with its middle masked, e.g. `4111 **** **** 1111`.' })
  maskedMatch!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The message or extract with every finding masked.',
  })
  redactedContent!: string | null;

  @Field({
    description: 'True when the raw content was stored (encrypted), so ADMIN and ANALYST keys can reveal it.',
  })
  contentAvailable!: boolean;

  @Field(() => Int, { description: 'How many times the raw content was revealed (each one audited).' })
  revealCount!: number;

  @Field({ description: 'When the leak was detected.' })
  detectedAt!: Date;

  /** Not a field: the stream of the message or file, for `events`. */
  streamId!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A detection and its cursor.' })
export class DetectionEdge {
  @Field({ description: 'Pass as `after` or `before` to page from this detection (with the same orderBy).' })
  cursor!: string;

  @Field(() => Detection, { description: 'The detection.' })
  node!: Detection;
}

@ObjectType({ simpleResolvers: true, description: 'A page of detections.' })
export class DetectionConnection {
  @Field(() => [DetectionEdge], { description: 'The detections of this page, with cursors.' })
  edges!: DetectionEdge[];

  @Field(() => [Detection], { description: 'The detections of this page, without cursors.' })
  nodes!: Detection[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  /** Not a field: `totalCount` is counted only when asked for. */
  count!: () => Promise<number>;
}

@ObjectType({ simpleResolvers: true, description: 'The result of revealing a detection’s raw content.' })
export class RevealContentPayload {
  @Field(() => String, {
    nullable: true,
    description:
      'The raw content; null when it could not be revealed (see userErrors). Never cache or log it.',
  })
  content!: string | null;

  @Field(() => Detection, { nullable: true, description: 'The detection, with its reveal counted.' })
  detection!: Detection | null;

  @Field(() => [UserError], {
    description:
      'Why nothing was revealed: NO_RAW_CONTENT, ENCRYPTION_KEY_MISSING or DECRYPTION_FAILED; empty on success.',
  })
  userErrors!: UserError[];
}
