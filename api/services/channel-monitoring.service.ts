import {
  channelMonitoringAggregate,
  channelMonitoringStreamId,
  decideChannelMonitoring,
  describeChannelMonitoring,
  readChannelMonitoring,
  type SetChannelMonitoring,
} from '../../schema/channels/channel-monitoring';
import type { PgConnection } from '../../schema/db/pg-connection';
import type { EventMetadata } from '../../schema/events/metadata';
import type { EventStore } from '../../schema/store/event-store';
import { handle } from '../../schema/store/handle';
import type { ChannelMonitoringRecord } from './types';

export async function readChannelMonitoringRecord(
  connection: PgConnection,
): Promise<ChannelMonitoringRecord> {
  const state = await readChannelMonitoring(connection);
  return { ...describeChannelMonitoring(state), updatedAt: state.updatedAt };
}

/** Applies a new setting: appends a ChannelMonitoringChanged per channel whose state changes (none if none). */
export async function executeChannelMonitoring(
  store: EventStore,
  command: SetChannelMonitoring,
  metadata: EventMetadata,
): Promise<void> {
  await handle(
    store,
    channelMonitoringStreamId(command.teamId),
    channelMonitoringAggregate,
    (state) => decideChannelMonitoring(command, state, new Date()),
    metadata,
  );
}
