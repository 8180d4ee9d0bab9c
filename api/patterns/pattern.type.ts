import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Action, Severity } from '../../worker/dlp/types';
import { ActionEnum, SeverityEnum } from '../graphql/enums';
import { PageInfo } from '../graphql/relay';
import { UserError } from '../graphql/user-error.type';

@ObjectType({ simpleResolvers: true, description: 'Regex flags.' })
export class PatternFlags {
  @Field({ description: 'Letters match in any case.' })
  caseInsensitive!: boolean;

  @Field({ description: '`^` and `$` match at line boundaries.' })
  multiline!: boolean;

  @Field({ description: '`.` also matches a newline.' })
  dotAll!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Words near a match that raise confidence, or are required for a finding.',
})
export class ContextKeywords {
  @Field(() => [String], { description: 'Case-insensitive words.' })
  words!: string[];

  @Field(() => Int, { description: 'Characters on each side of the match that count as near.' })
  window!: number;

  @Field({ description: 'When true, a match without any of the words nearby is not a finding.' })
  required!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Values or shapes that are never reported.' })
export class Allowlist {
  @Field(() => [String], { description: 'Exact values never reported.' })
  values!: string[];

  @Field(() => [String], { description: 'RE2 regexes; a match of any of them is never reported.' })
  regexes!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'The Slack channels a pattern applies to.' })
export class ChannelScope {
  @Field(() => [String], { description: 'When non-empty, only these channel ids.' })
  include!: string[];

  @Field(() => [String], { description: 'Never these channel ids.' })
  exclude!: string[];
}

@ObjectType({
  simpleResolvers: true,
  description:
    'A detection rule: an RE2 regex with optional validator, context words and allowlist, a severity and the ' +
    'action to take. Built-in detectors are seeded as patterns too (`builtin: true`).',
})
export class Pattern {
  @Field(() => ID, { description: 'Stable id (built-ins use the detector id, e.g. `github-pat-classic`).' })
  id!: string;

  @Field({ description: 'Human name, shown in notices as the kind of data found (never the data).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the pattern is for.' })
  description!: string | null;

  @Field({ description: 'The regex, in RE2 syntax (no backreferences or lookaround).' })
  regex!: string;

  @Field(() => PatternFlags, { description: 'Regex flags.' })
  flags!: PatternFlags;

  @Field(() => String, {
    nullable: true,
    description: 'The capture group holding the secret (number or name); null means the whole match.',
  })
  secretGroup!: string | null;

  @Field(() => String, { nullable: true, description: 'Checksum or structure validator run on each match.' })
  validator!: string | null;

  @Field(() => ContextKeywords, { nullable: true, description: 'Context words, if any.' })
  context!: ContextKeywords | null;

  @Field(() => Allowlist, { nullable: true, description: 'Values never reported, if any.' })
  allowlist!: Allowlist | null;

  @Field({ description: 'Whether obvious placeholders (XXXX, <your-key>, ${TOKEN}) are ignored.' })
  rejectPlaceholders!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'Minimum Shannon entropy (bits per character) of the secret; null for none.',
  })
  minEntropy!: number | null;

  @Field(() => SeverityEnum, { description: 'How bad a leak of this kind is.' })
  severity!: Severity;

  @Field(() => ActionEnum, { description: 'What LeakShield does when the pattern matches.' })
  action!: Action;

  @Field({ description: 'Disabled patterns are kept but not scanned with.' })
  enabled!: boolean;

  @Field({ description: 'True for the built-in detectors seeded by LeakShield.' })
  builtin!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Detector family, e.g. `payment`, `cloud`, `identity`.',
  })
  category!: string | null;

  @Field(() => ChannelScope, {
    nullable: true,
    description: 'Channel restrictions; null applies everywhere.',
  })
  channelScope!: ChannelScope | null;

  @Field(() => Int, {
    description:
      'Grows with every change (edit, enable, disable). Send it back as `updatePattern(expectedVersion:)` so a ' +
      'concurrent change is reported instead of overwritten.',
  })
  version!: number;

  @Field(() => Int, { description: 'Definition revision: 1 when created, +1 per edit.' })
  revision!: number;

  @Field({ description: 'When the pattern was created.' })
  createdAt!: Date;

  @Field({ description: 'When it last changed.' })
  updatedAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'A pattern and its cursor.' })
export class PatternEdge {
  @Field({ description: 'Pass as `after` or `before` to page from this pattern.' })
  cursor!: string;

  @Field(() => Pattern, { description: 'The pattern.' })
  node!: Pattern;
}

@ObjectType({ simpleResolvers: true, description: 'A page of patterns, ordered by name.' })
export class PatternConnection {
  @Field(() => [PatternEdge], { description: 'The patterns of this page, with cursors.' })
  edges!: PatternEdge[];

  @Field(() => [Pattern], { description: 'The patterns of this page, without cursors.' })
  nodes!: Pattern[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  /** Not a field: `totalCount` is resolved only when asked for. */
  count!: () => Promise<number>;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The result of a pattern mutation: the pattern, or what is wrong with the input.',
})
export class PatternPayload {
  @Field(() => Pattern, { nullable: true, description: 'The pattern after the change; null when refused.' })
  pattern!: Pattern | null;

  @Field(() => [UserError], {
    description: 'Problems with the input, by field (regex errors say where and why); empty on success.',
  })
  userErrors!: UserError[];
}

@ObjectType({ simpleResolvers: true, description: 'The result of deleting a pattern.' })
export class DeletePatternPayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted pattern.' })
  deletedPatternId!: string | null;

  @Field(() => [UserError], { description: 'Problems with the input; empty on success.' })
  userErrors!: UserError[];
}
