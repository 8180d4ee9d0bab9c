import { Field, ID, ObjectType } from 'type-graphql';
import type { Action, Severity } from '../../worker/dlp/types';
import { ActionEnum, SeverityEnum } from '../graphql/enums';

@ObjectType({
  simpleResolvers: true,
  description: 'A built-in detector of the DLP engine, as shipped (admins tune the seeded pattern).',
})
export class Detector {
  @Field(() => ID, { description: 'Stable id; also the id of the pattern seeded from it.' })
  id!: string;

  @Field({ description: 'Human name, e.g. “GitHub personal access token”.' })
  name!: string;

  @Field({ description: 'What it finds and how it avoids false positives.' })
  description!: string;

  @Field({ description: 'Family: payment, identity, cloud, saas, keys, generic, …' })
  category!: string;

  @Field(() => SeverityEnum, { description: 'Severity of the seeded pattern.' })
  severity!: Severity;

  @Field(() => ActionEnum, { description: 'Action of the seeded pattern.' })
  action!: Action;

  @Field(() => String, { nullable: true, description: 'Checksum or structure validator run on each match.' })
  validator!: string | null;

  @Field(() => [String], { description: 'Context words that raise confidence (or are required).' })
  contextWords!: string[];

  @Field({ description: 'True when a match only counts with a context word nearby.' })
  contextRequired!: boolean;
}
