import { HttpError } from 'react-admin';
import { graphqlRequest, throwUserErrors } from '../../graphql/client';
import { CHANNEL_MONITORING, SET_CHANNEL_MONITORING } from '../../graphql/documents';
import type { ChannelMonitoring, ChannelMonitoringMode, UserError } from '../../graphql/types';
import type { ResourceAdapter } from './adapter';

/** Channel monitoring is one setting; react-admin sees it as the single record `monitoring`. */
export const CHANNEL_MONITORING_ID = 'monitoring';

async function read(signal?: AbortSignal) {
  const { channelMonitoring } = await graphqlRequest<{ channelMonitoring: ChannelMonitoring }>(
    CHANNEL_MONITORING,
    {},
    { signal },
  );
  return { id: CHANNEL_MONITORING_ID, ...channelMonitoring };
}

export async function setChannelMonitoring(input: { mode: ChannelMonitoringMode; channelIds: string[] }) {
  const { setChannelMonitoring: payload } = await graphqlRequest<{
    setChannelMonitoring: { channelMonitoring: ChannelMonitoring | null; userErrors: UserError[] };
  }>(SET_CHANNEL_MONITORING, { input });
  throwUserErrors(payload.userErrors);
  if (!payload.channelMonitoring) throw new HttpError('The API returned no setting.', 500, {});
  return { id: CHANNEL_MONITORING_ID, ...payload.channelMonitoring };
}

export const channels: ResourceAdapter = {
  async getList(params) {
    return { data: [await read(params.signal)], total: 1 };
  },
  async getOne(_id, signal) {
    return read(signal);
  },
  async update(_id, data) {
    const mode = (data.mode ?? 'ALL') as ChannelMonitoringMode;
    const ids = Array.isArray(data.channelIds) ? (data.channelIds as string[]) : [];
    return setChannelMonitoring({
      mode,
      channelIds: mode === 'ALL' ? [] : ids.map((c) => c.trim()).filter(Boolean),
    });
  },
};
