import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'A problem with the input of a mutation, tied to the field that caused it.',
})
export class UserError {
  @Field(() => [String], { description: 'Path to the input field, e.g. ["input", "regex"].' })
  field!: string[];

  @Field({ description: 'What is wrong and, where possible, how to fix it.' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'Stable machine-readable code, e.g. INVALID_REGEX.' })
  code!: string | null;
}
