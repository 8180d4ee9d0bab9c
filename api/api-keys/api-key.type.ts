import { Field, ID, ObjectType } from 'type-graphql';
import type { Role } from '../auth/roles';
import { RoleEnum } from '../graphql/enums';
import { UserError } from '../graphql/user-error.type';

@ObjectType({
  simpleResolvers: true,
  description: 'An API key. The key itself is shown once, when created; only its hash is stored.',
})
export class ApiKey {
  @Field(() => ID, { description: 'The key’s id; events it causes name it as `api_key:<id>`.' })
  id!: string;

  @Field({ description: 'What the key is for, e.g. “SIEM export”.' })
  name!: string;

  @Field(() => RoleEnum, { description: 'What the key may do.' })
  role!: Role;

  @Field({ description: 'The key’s first characters (`lsk_…`), to recognise it without revealing it.' })
  prefix!: string;

  @Field({ description: 'When it was created.' })
  createdAt!: Date;

  @Field({ description: 'Who created it (`api_key:<id>`).' })
  createdBy!: string;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; null while it works.' })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was last used (to the minute); null if never.' })
  lastUsedAt!: Date | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A new API key, and the key itself: shown this once, store it now.',
})
export class CreateApiKeyPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The new key’s record.' })
  apiKey!: ApiKey | null;

  @Field(() => String, {
    nullable: true,
    description: 'The key, to send as `Authorization: Bearer <key>`. Never shown again.',
  })
  key!: string | null;

  @Field(() => [UserError], { description: 'Problems with the input; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ simpleResolvers: true, description: 'The result of revoking an API key.' })
export class RevokeApiKeyPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The revoked key.' })
  apiKey!: ApiKey | null;

  @Field(() => [UserError], { description: 'Problems with the input; empty on success.' })
  userErrors!: UserError[];
}
