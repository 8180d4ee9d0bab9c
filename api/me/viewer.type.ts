import { Field, ID, ObjectType } from 'type-graphql';
import type { Role } from '../auth/roles';
import { RoleEnum } from '../graphql/enums';

@ObjectType({ simpleResolvers: true, description: 'The API key making the request.' })
export class Viewer {
  @Field(() => ID, { description: 'The API key id (`bootstrap` for LEAKSHIELD_ADMIN_TOKEN).' })
  keyId!: string;

  @Field({ description: 'The name given to the key when it was created.' })
  name!: string;

  @Field(() => RoleEnum, { description: 'The key’s role.' })
  role!: Role;

  @Field(() => [String], { description: 'Permissions granted by the role, e.g. `detections:read`.' })
  permissions!: string[];
}
