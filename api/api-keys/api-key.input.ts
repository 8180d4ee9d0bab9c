import { IsOptional, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import type { Role } from '../auth/roles';
import { RoleEnum } from '../graphql/enums';

@InputType({ description: 'A new API key.' })
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for, e.g. “SIEM export” (1–200 characters).' })
  @Length(1, 200)
  name!: string;

  @Field(() => RoleEnum, { description: 'What the key may do.' })
  role!: Role;
}

@ArgsType()
export class CreateApiKeyArgs {
  @Field(() => CreateApiKeyInput, { description: 'The key’s name and role.' })
  @ValidateNested()
  input!: CreateApiKeyInput;
}

@ArgsType()
export class RevokeApiKeyArgs {
  @Field(() => ID, { description: 'The key to revoke.' })
  @Length(1, 100)
  id!: string;

  @Field({ nullable: true, description: 'Why, for the audit log (e.g. “rotated”).' })
  @IsOptional()
  @Length(1, 500)
  reason?: string;
}
