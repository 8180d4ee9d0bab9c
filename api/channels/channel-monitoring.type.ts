import { Field, ObjectType } from 'type-graphql';
import type { ChannelMonitoringMode } from '../../schema/channels/channel-monitoring';
import { ChannelMonitoringModeEnum } from '../graphql/enums';
import { UserError } from '../graphql/user-error.type';

@ObjectType({
  simpleResolvers: true,
  description: 'Which Slack channels LeakShield scans, in every workspace it serves.',
})
export class ChannelMonitoring {
  @Field(() => ChannelMonitoringModeEnum, {
    description: 'All channels, only the listed ones, or all but those.',
  })
  mode!: ChannelMonitoringMode;

  @Field(() => [String], { description: 'The listed channel ids (empty for ALL).' })
  channelIds!: string[];

  @Field(() => Date, { nullable: true, description: 'When the setting last changed; null if never.' })
  updatedAt!: Date | null;
}

@ObjectType({ simpleResolvers: true, description: 'The result of changing which channels are scanned.' })
export class ChannelMonitoringPayload {
  @Field(() => ChannelMonitoring, { nullable: true, description: 'The setting now in force.' })
  channelMonitoring!: ChannelMonitoring | null;

  @Field(() => [UserError], { description: 'Problems with the input; empty on success.' })
  userErrors!: UserError[];
}
