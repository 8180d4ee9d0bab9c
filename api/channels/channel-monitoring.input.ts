import { ArrayMaxSize, Matches, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import type { ChannelMonitoringMode } from '../../schema/channels/channel-monitoring';
import { ChannelMonitoringModeEnum } from '../graphql/enums';

@InputType({ description: 'Which Slack channels to scan.' })
export class ChannelMonitoringInput {
  @Field(() => ChannelMonitoringModeEnum, {
    description: 'ALL, INCLUDE (only channelIds) or EXCLUDE (all but).',
  })
  mode!: ChannelMonitoringMode;

  @Field(() => [String], {
    description: 'Slack channel ids such as `C0123ABCD` (at most 10,000). Must be empty for ALL.',
  })
  @ArrayMaxSize(10_000)
  @Matches(/^[A-Z0-9]{2,64}$/, {
    each: true,
    message: 'each channel id must be a Slack channel id (e.g. C0123ABCD)',
  })
  channelIds!: string[];
}

@ArgsType()
export class SetChannelMonitoringArgs {
  @Field(() => ChannelMonitoringInput, { description: 'The new setting.' })
  @ValidateNested()
  input!: ChannelMonitoringInput;
}
