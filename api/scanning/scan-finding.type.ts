import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Action, Severity } from '../../worker/dlp/types';
import { ActionEnum, SeverityEnum } from '../graphql/enums';

@ObjectType({
  simpleResolvers: true,
  description: 'One match found by a dry-run scan. Holds the masked match only, never the raw value.',
})
export class ScanFinding {
  @Field({ description: 'Id of the pattern (or built-in detector) that matched.' })
  patternId!: string;

  @Field({ description: 'Name of the pattern that matched.' })
  patternName!: string;

  @Field(() => SeverityEnum, { description: 'The pattern’s severity.' })
  severity!: Severity;

  @Field(() => ActionEnum, { description: 'The action the pattern asks for.' })
  action!: Action;

  @Field(() => Float, { description: 'Confidence from 0 to 1; raised by context words near the match.' })
  confidence!: number;

  @Field(() => Int, {
    description: 'Start offset in the scanned text, in UTF-16 code units (JavaScript string indices).',
  })
  start!: number;

  @Field(() => Int, { description: 'End offset (exclusive), in UTF-16 code units.' })
  end!: number;

  @Field(() => Int, { description: '1-based line of the match.' })
  line!: number;

  @Field(() => Int, { description: '1-based column of the match, in UTF-16 code units.' })
  column!: number;

  @Field({ description: 'The match with its middle masked, e.g. `4111 **** **** 1111`.' })
  maskedMatch!: string;
}
