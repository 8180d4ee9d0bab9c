import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Action } from '../../worker/dlp/types';
import { ActionEnum } from '../graphql/enums';
import { UserError } from '../graphql/user-error.type';
import { ScanFinding } from './scan-finding.type';

@ObjectType({
  simpleResolvers: true,
  description: 'The result of a dry-run scan. Nothing is stored and nothing is done in Slack.',
})
export class ScanTextResult {
  @Field(() => [ScanFinding], { description: 'Every finding, in the order it appears in the text.' })
  findings!: ScanFinding[];

  @Field(() => ActionEnum, {
    nullable: true,
    description: 'The strictest action among the findings; null when none.',
  })
  action!: Action | null;

  @Field(() => Int, { description: 'How many patterns were applied.' })
  patternCount!: number;

  @Field(() => Float, { description: 'Time spent scanning, in milliseconds.' })
  durationMs!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Findings of a pattern under test in one sample.' })
export class SampleResult {
  @Field(() => Int, { description: 'Index of the sample in the `samples` argument.' })
  index!: number;

  @Field(() => [ScanFinding], { description: 'What the pattern found in this sample.' })
  findings!: ScanFinding[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'Whether a pattern not yet saved is valid, and what it finds in the samples.',
})
export class TestPatternResult {
  @Field({ description: 'True when the pattern compiles and every field is valid.' })
  valid!: boolean;

  @Field(() => [UserError], { description: 'Field-level problems; regex errors say where and why.' })
  errors!: UserError[];

  @Field(() => [SampleResult], { description: 'One entry per sample; empty when the pattern is invalid.' })
  samples!: SampleResult[];
}
