import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { Action } from '../../worker/dlp/types';
import { ActionEnum, StatsBucketEnum } from '../graphql/enums';
import type { StatsBucket } from '../services/types';

@ObjectType({ simpleResolvers: true, description: 'Detections that asked for one action.' })
export class ActionCount {
  @Field(() => ActionEnum, { description: 'The action the pattern’s policy asked for.' })
  action!: Action;

  @Field(() => Int, { description: 'How many detections.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Detections by one pattern.' })
export class PatternCount {
  @Field(() => ID, { description: 'The pattern’s id.' })
  patternId!: string;

  @Field({ description: 'The pattern’s name as recorded with its detections.' })
  patternName!: string;

  @Field(() => Int, { description: 'How many detections.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Detections in one channel.' })
export class ChannelCount {
  @Field({ description: 'The Slack channel id.' })
  channelId!: string;

  @Field(() => Int, { description: 'How many detections.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Totals over the whole range.' })
export class StatsTotals {
  @Field(() => Int, { description: 'Messages and files scanned.' })
  scans!: number;

  @Field(() => Int, { description: 'Findings of sensitive data.' })
  detections!: number;

  @Field(() => Int, { description: 'Messages and files blocked (deleted).' })
  blocked!: number;

  @Field(() => Int, { description: 'Messages redacted (replaced by a masked copy).' })
  redacted!: number;

  @Field(() => Int, { description: 'Alerts sent to the admin channel.' })
  alerted!: number;

  @Field(() => Int, { description: 'Detections whose policy was LOG (recorded only).' })
  logged!: number;

  @Field(() => Int, { description: 'Actions that failed in Slack (ActionFailed).' })
  failedActions!: number;
}

@ObjectType({ simpleResolvers: true, description: 'One bucket (hour or day) of a series.' })
export class StatsPoint {
  @Field({ description: 'Where the bucket starts (UTC).' })
  start!: Date;

  @Field(() => Int, { description: 'Messages and files scanned in the bucket.' })
  scans!: number;

  @Field(() => Int, { description: 'Detections in the bucket.' })
  detections!: number;

  @Field(() => [ActionCount], {
    description: 'The bucket’s detections by policy action (all four, zeros kept).',
  })
  byAction!: ActionCount[];
}

@ObjectType({ simpleResolvers: true, description: 'Scans and detections over a time range.' })
export class Stats {
  @Field({ description: 'Start of the range, rounded down to a whole bucket.' })
  from!: Date;

  @Field({ description: 'End of the range (exclusive), rounded up to a whole bucket.' })
  to!: Date;

  @Field(() => StatsBucketEnum, { description: 'The width of each point of `series`.' })
  bucket!: StatsBucket;

  @Field(() => StatsTotals, { description: 'Totals over the range.' })
  totals!: StatsTotals;

  @Field(() => [StatsPoint], { description: 'One point per bucket, oldest first, zero-filled.' })
  series!: StatsPoint[];

  @Field(() => [ActionCount], { description: 'Detections over the range by policy action.' })
  byAction!: ActionCount[];
}
