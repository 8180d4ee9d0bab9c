import { isChannelMonitored } from '../../../schema/channels/channel-monitoring';
import { ChannelMonitoringCache } from '../../../schema/projections/monitored-channels.query';
import { errorCode, useApiServer } from './api-harness';

const SET = `mutation($input: ChannelMonitoringInput!) {
  setChannelMonitoring(input: $input) { channelMonitoring { mode channelIds updatedAt } userErrors { message } }
}`;
const GET = '{ channelMonitoring { mode channelIds updatedAt } }';

interface Setting {
  mode: string;
  channelIds: string[];
  updatedAt: string | null;
}

describe('channel monitoring', () => {
  const api = useApiServer();
  const monitored = (channelId: string, teamId = 'T0001') =>
    isChannelMonitored(api.db.orm, teamId, channelId);
  const set = async (mode: string, channelIds: string[]) => {
    const response = await api.gql<{ setChannelMonitoring: { channelMonitoring: Setting } }>(SET, {
      input: { mode, channelIds },
    });
    expect(response.errors).toBeUndefined();
    return response.data!.setChannelMonitoring.channelMonitoring;
  };
  const changes = async () => {
    const response = await api.gql<{
      auditEvents: { nodes: Array<{ data: Record<string, unknown>; actor: string }> };
    }>(
      '{ auditEvents(first: 100, filter: { types: ["ChannelMonitoringChanged"] }) { nodes { data actor } } }',
    );
    return response.data!.auditEvents.nodes;
  };

  it('scans every channel until an admin says otherwise', async () => {
    expect(
      (await api.gql<{ channelMonitoring: Setting }>(GET, {}, api.keys.AUDITOR)).data?.channelMonitoring,
    ).toEqual({
      mode: 'ALL',
      channelIds: [],
      updatedAt: null,
    });
    expect(await monitored('C0ANY')).toBe(true);
  });

  it('INCLUDE scans only the listed channels, in every workspace, and records one event per change', async () => {
    const setting = await set('INCLUDE', ['C0002', 'C0001', 'C0001']);
    expect(setting).toMatchObject({ mode: 'INCLUDE', channelIds: ['C0001', 'C0002'] });
    expect(setting.updatedAt).not.toBeNull();
    expect([await monitored('C0001'), await monitored('C0002', 'T0OTHER'), await monitored('C0003')]).toEqual(
      [true, true, false],
    );
    const events = await changes();
    expect(events.map((event) => [event.data.channelId, event.data.monitored])).toEqual([
      ['default', false],
      ['C0001', true],
      ['C0002', true],
    ]);
    expect(events.every((event) => event.actor === `api_key:${api.keyIds.ADMIN}`)).toBe(true);
  });

  it('setting the same thing again appends nothing', async () => {
    const before = (await changes()).length;
    await set('INCLUDE', ['C0001', 'C0002']);
    expect((await changes()).length).toBe(before);
  });

  it('INCLUDE reaches the Slack ingress’s cached lookup too', async () => {
    const ingress = new ChannelMonitoringCache(api.db.orm);
    expect([
      await ingress.isMonitored('T0001', 'C0001'),
      await ingress.isMonitored('T0001', 'C0003'),
    ]).toEqual([true, false]);
  });

  it('EXCLUDE scans everything but the listed channels; channels listed before fall back', async () => {
    const setting = await set('EXCLUDE', ['C0002']);
    expect(setting).toMatchObject({ mode: 'EXCLUDE', channelIds: ['C0002'] });
    expect([await monitored('C0001'), await monitored('C0002'), await monitored('C0003')]).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('ALL scans everything again', async () => {
    expect(await set('ALL', [])).toMatchObject({ mode: 'ALL', channelIds: [] });
    expect([await monitored('C0001'), await monitored('C0002'), await monitored('C0003')]).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('refuses channel ids with ALL, and malformed ids, with BAD_USER_INPUT', async () => {
    const withIds = await api.gql(SET, { input: { mode: 'ALL', channelIds: ['C0001'] } });
    expect(errorCode(withIds)).toBe('BAD_USER_INPUT');
    expect(withIds.errors?.[0]?.extensions?.fields).toEqual([
      { field: ['input', 'channelIds'], message: 'must be empty for mode ALL' },
    ]);
    const malformed = await api.gql(SET, { input: { mode: 'INCLUDE', channelIds: ['default'] } });
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: ['input', 'channelIds'] }),
    ]);
  });
});
