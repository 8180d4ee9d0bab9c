import { ArrayMaxSize, IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { ConnectionArgs } from '../graphql/relay';

@InputType('AuditEventFilter', { description: 'Narrows the audit log. Conditions combine with AND.' })
export class AuditEventFilterInput {
  @Field(() => [String], {
    nullable: true,
    description: 'Only these event types, e.g. `["LeakDetected", "ContentRevealed"]` (any of them).',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(100, { each: true })
  types?: string[];

  @Field({ nullable: true, description: 'Only this stream, e.g. `pattern:github-pat`.' })
  @IsOptional()
  @Length(1, 512)
  streamId?: string;

  @Field({ nullable: true, description: 'Only events that occurred at or after this time.' })
  @IsOptional()
  from?: Date;

  @Field({ nullable: true, description: 'Only events that occurred before this time.' })
  @IsOptional()
  to?: Date;

  @Field({
    nullable: true,
    description: 'Only events by this actor, written as in `AuditEvent.actor` (`api_key:<id>`, `system`, …).',
  })
  @IsOptional()
  @Length(1, 300)
  actor?: string;
}

@ArgsType()
export class AuditEventsArgs extends ConnectionArgs {
  @Field(() => AuditEventFilterInput, { nullable: true, description: 'Which events to list.' })
  @IsOptional()
  @ValidateNested()
  filter?: AuditEventFilterInput;
}
