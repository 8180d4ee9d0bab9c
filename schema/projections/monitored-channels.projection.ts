import type { RowTable } from './row-table';

/** `monitored_channels`: whether each channel is scanned, and who changed that last. */
export const monitoredChannelsTable: RowTable = {
  name: 'monitored_channels',
  key: ['team_id', 'channel_id'],
  columns: [
    { name: 'team_id', type: 'text' },
    { name: 'channel_id', type: 'text' },
    { name: 'channel_name', type: 'text' },
    { name: 'monitored', type: 'boolean' },
    { name: 'reason', type: 'text' },
    { name: 'changed_at', type: 'timestamptz' },
    { name: 'changed_by', type: 'text' },
    { name: 'last_position', type: 'bigint' },
  ],
  keysOf: (event) =>
    event.type === 'ChannelMonitoringChanged' ? [[event.data.teamId, event.data.channelId]] : [],
  createdBy: () => false,
  evolve: (row, event) => {
    if (event.type !== 'ChannelMonitoringChanged') return row;
    return {
      team_id: event.data.teamId,
      channel_id: event.data.channelId,
      channel_name: event.data.channelName ?? row?.channel_name ?? null,
      monitored: event.data.monitored,
      reason: event.data.reason ?? null,
      changed_at: event.occurredAt.toISOString(),
      changed_by: `${event.metadata.actor.type}:${event.metadata.actor.id}`,
      last_position: event.position,
    };
  },
};
