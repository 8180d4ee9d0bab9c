import { Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { commandContext, type ApiContext } from '../graphql/context';
import type { ApiKeyRecord } from '../services/types';
import { CreateApiKeyArgs, RevokeApiKeyArgs } from './api-key.input';
import { ApiKey, CreateApiKeyPayload, RevokeApiKeyPayload } from './api-key.type';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized('keys:manage')
  @Query(() => [ApiKey], { description: 'Every API key, newest first, revoked ones included. ADMIN only.' })
  apiKeys(@Ctx() { services }: ApiContext): Promise<ApiKeyRecord[]> {
    return services.listApiKeys();
  }

  @Authorized('keys:manage')
  @Mutation(() => CreateApiKeyPayload, {
    description:
      'Creates an API key (appends ApiKeyCreated with its public prefix). The key is in the payload, this once; ' +
      'only its SHA-256 is stored. ADMIN only.',
  })
  async createApiKey(
    @Args() { input }: CreateApiKeyArgs,
    @Ctx() context: ApiContext,
  ): Promise<CreateApiKeyPayload> {
    const { apiKey, key } = await context.services.createApiKey(
      input.name,
      input.role,
      commandContext(context),
    );
    return { apiKey, key, userErrors: [] };
  }

  @Authorized('keys:manage')
  @Mutation(() => RevokeApiKeyPayload, {
    description:
      'Revokes an API key at once, in every API process (appends ApiKeyRevoked). Revoking twice changes nothing. ' +
      'NOT_FOUND for an unknown key. ADMIN only.',
  })
  async revokeApiKey(
    @Args() { id, reason }: RevokeApiKeyArgs,
    @Ctx() context: ApiContext,
  ): Promise<RevokeApiKeyPayload> {
    return {
      apiKey: await context.services.revokeApiKey(id, reason, commandContext(context)),
      userErrors: [],
    };
  }
}
