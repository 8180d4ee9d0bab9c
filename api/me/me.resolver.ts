import { Ctx, Query, Resolver } from 'type-graphql';
import { ROLE_PERMISSIONS } from '../auth/roles';
import type { ApiContext } from '../graphql/context';
import { unauthenticated } from '../graphql/errors';
import { Viewer } from './viewer.type';

@Resolver()
export class MeResolver {
  @Query(() => Viewer, { description: 'Who you are: the API key, its role and what the role allows.' })
  me(@Ctx() { principal }: ApiContext): Viewer {
    if (!principal) throw unauthenticated();
    return { ...principal, permissions: [...ROLE_PERMISSIONS[principal.role]] };
  }
}
