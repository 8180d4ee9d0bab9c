import { Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { commandContext, type ApiContext } from '../graphql/context';
import { badUserInput } from '../graphql/errors';
import type { ChannelMonitoringRecord } from '../services/types';
import { SetChannelMonitoringArgs } from './channel-monitoring.input';
import { ChannelMonitoring, ChannelMonitoringPayload } from './channel-monitoring.type';

@Resolver(() => ChannelMonitoring)
export class ChannelMonitoringResolver {
  @Authorized('channels:read')
  @Query(() => ChannelMonitoring, { description: 'Which Slack channels are scanned.' })
  channelMonitoring(@Ctx() { services }: ApiContext): Promise<ChannelMonitoringRecord> {
    return services.channelMonitoring();
  }

  @Authorized('channels:write')
  @Mutation(() => ChannelMonitoringPayload, {
    description:
      'Sets which channels are scanned. Appends a ChannelMonitoringChanged event per channel whose state changes ' +
      '(none when nothing changes). Takes effect for messages received from then on. ADMIN only.',
  })
  async setChannelMonitoring(
    @Args() { input }: SetChannelMonitoringArgs,
    @Ctx() context: ApiContext,
  ): Promise<ChannelMonitoringPayload> {
    if (input.mode === 'ALL' && input.channelIds.length > 0) {
      throw badUserInput('Mode ALL takes no channel ids: it scans every channel.', [
        { field: ['input', 'channelIds'], message: 'must be empty for mode ALL' },
      ]);
    }
    const channelMonitoring = await context.services.setChannelMonitoring(
      input.mode,
      [...new Set(input.channelIds)],
      commandContext(context),
    );
    return { channelMonitoring, userErrors: [] };
  }
}
