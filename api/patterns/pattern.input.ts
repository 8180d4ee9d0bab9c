import { ArrayMaxSize, IsInt, IsNumber, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import type { PatternDefinition } from '../../worker/dlp/types';
import { ActionEnum, SeverityEnum } from '../graphql/enums';

@InputType({ description: 'Regex flags.' })
export class PatternFlagsInput {
  @Field({ nullable: true, description: 'Match letters in any case.' })
  caseInsensitive?: boolean;

  @Field({ nullable: true, description: '`^` and `$` match at line boundaries.' })
  multiline?: boolean;

  @Field({ nullable: true, description: '`.` also matches a newline.' })
  dotAll?: boolean;
}

@InputType({ description: 'Words near a match that raise confidence, or are required for a finding.' })
export class ContextKeywordsInput {
  @Field(() => [String], { description: 'Case-insensitive words.' })
  @ArrayMaxSize(100)
  words!: string[];

  @Field(() => Int, {
    nullable: true,
    description: 'Characters on each side of the match that count as near (default 80).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  window?: number;

  @Field({
    nullable: true,
    description: 'When true, a match without any of the words nearby is not a finding.',
  })
  required?: boolean;
}

@InputType({ description: 'Values or shapes that are never reported.' })
export class AllowlistInput {
  @Field(() => [String], { nullable: true, description: 'Exact values never reported.' })
  @IsOptional()
  @ArrayMaxSize(10_000)
  values?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'RE2 regexes; a match of any of them is never reported.',
  })
  @IsOptional()
  @ArrayMaxSize(1_000)
  regexes?: string[];
}

@InputType({ description: 'Slack channels a pattern applies to.' })
export class ChannelScopeInput {
  @Field(() => [String], { nullable: true, description: 'When non-empty, only these channel ids.' })
  @IsOptional()
  include?: string[];

  @Field(() => [String], { nullable: true, description: 'Never these channel ids.' })
  @IsOptional()
  exclude?: string[];
}

@InputType({ description: 'A detection rule as an admin writes it.' })
export class PatternInput {
  @Field({ description: 'Human name, shown in notices as the kind of data found (never the data).' })
  @Length(1, 200)
  name!: string;

  @Field({ nullable: true, description: 'What the pattern is for.' })
  @IsOptional()
  @MaxLength(2000)
  description?: string;

  @Field({ description: 'RE2 syntax: no backreferences and no lookaround, so scanning stays linear.' })
  @Length(1, 10_000)
  regex!: string;

  @Field(() => PatternFlagsInput, { nullable: true, description: 'Regex flags; all off when omitted.' })
  flags?: PatternFlagsInput;

  @Field({
    nullable: true,
    description: 'Capture group holding the secret: a number or the name of a `(?P<name>…)` group.',
  })
  @IsOptional()
  @MaxLength(100)
  secretGroup?: string;

  @Field({
    nullable: true,
    description:
      'A built-in validator run on each match (luhn, iban, us-ssn, aba-routing, github-token, jwt, …).',
  })
  @IsOptional()
  validator?: string;

  @Field(() => ContextKeywordsInput, { nullable: true, description: 'Context words, if any.' })
  context?: ContextKeywordsInput;

  @Field(() => AllowlistInput, { nullable: true, description: 'Values or shapes never reported, if any.' })
  allowlist?: AllowlistInput;

  @Field({ nullable: true, description: 'Ignore obvious placeholders such as XXXX, <your-key> or ${TOKEN}.' })
  rejectPlaceholders?: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'Minimum Shannon entropy (bits per character) of the secret.',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(8)
  minEntropy?: number;

  @Field(() => SeverityEnum, { description: 'How bad a leak of this kind is.' })
  severity!: PatternDefinition['severity'];

  @Field(() => ActionEnum, { description: 'What LeakShield does when the pattern matches.' })
  action!: PatternDefinition['action'];

  @Field({ nullable: true, description: 'Defaults to true.' })
  enabled?: boolean;

  @Field(() => ChannelScopeInput, {
    nullable: true,
    description: 'Channel restrictions; everywhere when omitted.',
  })
  channelScope?: ChannelScopeInput;
}

/** The input as an engine pattern definition, for validation and dry runs. */
export function toPatternDefinition(id: string, input: PatternInput): Record<string, unknown> {
  const group = input.secretGroup;
  return stripUndefined({
    id,
    name: input.name,
    description: input.description,
    regex: input.regex,
    flags: input.flags ? stripUndefined({ ...input.flags }) : undefined,
    secretGroup: group === undefined ? undefined : /^\d+$/.test(group) ? Number(group) : group,
    validator: input.validator,
    context: input.context ? stripUndefined({ ...input.context }) : undefined,
    allowlist: input.allowlist ? stripUndefined({ ...input.allowlist }) : undefined,
    rejectPlaceholders: input.rejectPlaceholders,
    minEntropy: input.minEntropy,
    severity: input.severity,
    action: input.action,
    enabled: input.enabled,
    channelScope: input.channelScope ? stripUndefined({ ...input.channelScope }) : undefined,
  });
}

function stripUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}
