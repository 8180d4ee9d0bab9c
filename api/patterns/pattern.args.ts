import { ArrayMaxSize, IsInt, IsOptional, Length, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import type { Action, Severity } from '../../worker/dlp/types';
import { ActionEnum, SeverityEnum } from '../graphql/enums';
import { ConnectionArgs } from '../graphql/relay';
import { PatternInput } from './pattern.input';

@InputType('PatternFilter', { description: 'Narrows the pattern list. Conditions combine with AND.' })
export class PatternFilterInput {
  @Field({ nullable: true, description: 'Text in the name, id or description (case-insensitive).' })
  @IsOptional()
  @Length(1, 200)
  search?: string;

  @Field({ nullable: true, description: 'Only enabled (true) or disabled (false) patterns.' })
  @IsOptional()
  enabled?: boolean;

  @Field({ nullable: true, description: 'Only built-in detectors (true) or custom patterns (false).' })
  @IsOptional()
  builtin?: boolean;

  @Field(() => [SeverityEnum], { nullable: true, description: 'Only these severities.' })
  @IsOptional()
  @ArrayMaxSize(4)
  severity?: Severity[];

  @Field(() => [ActionEnum], { nullable: true, description: 'Only these actions.' })
  @IsOptional()
  @ArrayMaxSize(4)
  action?: Action[];
}

@ArgsType()
export class PatternsArgs extends ConnectionArgs {
  @Field(() => PatternFilterInput, { nullable: true, description: 'Which patterns to list.' })
  @IsOptional()
  @ValidateNested()
  filter?: PatternFilterInput;
}

@ArgsType()
export class PatternIdArgs {
  @Field(() => ID, { description: 'The pattern’s id.' })
  @Length(1, 200)
  id!: string;
}

@ArgsType()
export class CreatePatternArgs {
  @Field(() => PatternInput, { description: 'The new pattern. Its id is made from the name.' })
  @ValidateNested()
  input!: PatternInput;
}

@ArgsType()
export class UpdatePatternArgs {
  @Field(() => ID, { description: 'The pattern to change.' })
  @Length(1, 200)
  id!: string;

  @Field(() => PatternInput, {
    description:
      'The whole new definition: optional fields left out are removed. `enabled`, when given, is applied too.',
  })
  @ValidateNested()
  input!: PatternInput;

  @Field(() => Int, {
    description: 'The `version` you edited. When the pattern changed since, the update fails with CONFLICT.',
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
