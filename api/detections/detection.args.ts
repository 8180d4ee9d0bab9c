import { ArrayMaxSize, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import type { FindingSource } from '../../schema/events/common';
import type { Action, Severity } from '../../worker/dlp/types';
import {
  ActionEnum,
  DetectionOrderFieldEnum,
  FindingSourceEnum,
  OrderDirectionEnum,
  OutcomeStatusEnum,
  SeverityEnum,
} from '../graphql/enums';
import { ConnectionArgs } from '../graphql/relay';
import type { DetectionOrderField, OrderDirection, OutcomeStatus } from '../services/types';

const SLACK_ID = /^[A-Za-z0-9._-]{1,64}$/;

@InputType('DetectionFilter', { description: 'Narrows detections. Conditions combine with AND.' })
export class DetectionFilterInput {
  @Field({ nullable: true, description: 'Only this Slack channel id.' })
  @IsOptional()
  @Matches(SLACK_ID, { message: 'channelId must be a Slack channel id' })
  channelId?: string;

  @Field({ nullable: true, description: 'Only this Slack user id (the author).' })
  @IsOptional()
  @Matches(SLACK_ID, { message: 'userId must be a Slack user id' })
  userId?: string;

  @Field(() => ID, { nullable: true, description: 'Only this pattern.' })
  @IsOptional()
  @Length(1, 200)
  patternId?: string;

  @Field(() => FindingSourceEnum, { nullable: true, description: 'Only messages or only files.' })
  @IsOptional()
  source?: FindingSource;

  @Field(() => [SeverityEnum], { nullable: true, description: 'Only these severities.' })
  @IsOptional()
  @ArrayMaxSize(4)
  severity?: Severity[];

  @Field(() => [ActionEnum], { nullable: true, description: 'Only these policy actions.' })
  @IsOptional()
  @ArrayMaxSize(4)
  action?: Action[];

  @Field({ nullable: true, description: 'Only detections at or after this time.' })
  @IsOptional()
  from?: Date;

  @Field({ nullable: true, description: 'Only detections before this time.' })
  @IsOptional()
  to?: Date;

  @Field({
    nullable: true,
    description: 'Text in the pattern name, masked match, redacted content or file name (case-insensitive).',
  })
  @IsOptional()
  @Length(1, 200)
  search?: string;

  @Field(() => OutcomeStatusEnum, { nullable: true, description: 'Only detections with this outcome.' })
  @IsOptional()
  outcome?: OutcomeStatus;
}

@InputType('DetectionOrder', { description: 'How detections are sorted.' })
export class DetectionOrderInput {
  @Field(() => DetectionOrderFieldEnum, { description: 'The sort key.' })
  field!: DetectionOrderField;

  @Field(() => OrderDirectionEnum, { description: 'The direction.' })
  direction!: OrderDirection;
}

@ArgsType()
export class DetectionsArgs extends ConnectionArgs {
  @Field(() => DetectionFilterInput, { nullable: true, description: 'Which detections to list.' })
  @IsOptional()
  @ValidateNested()
  filter?: DetectionFilterInput;

  @Field(() => DetectionOrderInput, {
    nullable: true,
    description: 'The order; newest first when omitted. Cursors belong to the order they were made with.',
  })
  @IsOptional()
  orderBy?: DetectionOrderInput;
}

@ArgsType()
export class DetectionIdArgs {
  @Field(() => ID, { description: 'The detection’s id.' })
  @Length(1, 100)
  id!: string;
}

@ArgsType()
export class RevealContentArgs {
  @Field(() => ID, { description: 'The detection whose raw content to reveal.' })
  @Length(1, 100)
  detectionId!: string;

  @Field({
    nullable: true,
    description:
      'Why you need to see it; recorded in the ContentRevealed event (default: “revealed through the API”).',
  })
  @IsOptional()
  @Length(1, 500)
  reason?: string;
}

@ArgsType()
export class DetectionAddedArgs {
  @Field(() => DetectionFilterInput, { nullable: true, description: 'Only new detections that match.' })
  @IsOptional()
  @ValidateNested()
  filter?: DetectionFilterInput;
}
