import type { MikroORM } from '@mikro-orm/postgresql';
import { withConnection, type PgConnection } from '../db/pg-connection';
import type { EventOfType } from '../events/registry';
import type { NewEvent } from '../store/types';

/**
 * Which Slack channels are scanned. Admins pick a mode through the API:
 * - ALL: every channel (the default on a fresh install);
 * - INCLUDE: only the listed channels;
 * - EXCLUDE: every channel except the listed ones.
 *
 * It is recorded with the ordinary ChannelMonitoringChanged event, one per channel whose state changes, under the
 * team id `all-workspaces` (the setting applies to every workspace LeakShield serves; real Slack team ids are
 * upper-case, so they never collide). The mode itself is the `monitored` value of the reserved channel `default`:
 * what a channel without a row of its own gets. So the `monitored_channels` read model holds everything, and a
 * per-workspace (or per-channel) row written by other tools still takes precedence over the global one.
 */
export const CHANNEL_MONITORING_MODES = ['ALL', 'INCLUDE', 'EXCLUDE'] as const;
export type ChannelMonitoringMode = (typeof CHANNEL_MONITORING_MODES)[number];

export const ALL_WORKSPACES = 'all-workspaces';
export const DEFAULT_CHANNEL = 'default';

export const channelMonitoringStreamId = (teamId: string = ALL_WORKSPACES): string => `channels:${teamId}`;

/**
 * The setting as one stream tells it: the default for unlisted channels and each listed channel's state.
 * @example { defaultMonitored: false, channels: new Map([['C01', true]]) } // INCLUDE C01
 */
export interface ChannelMonitoringState {
  defaultMonitored: boolean;
  channels: ReadonlyMap<string, boolean>;
}

export type ChannelMonitoringEvent = EventOfType<'ChannelMonitoringChanged'>;

export const initialChannelMonitoring = (): ChannelMonitoringState => ({
  defaultMonitored: true,
  channels: new Map(),
});

export function evolveChannelMonitoring(
  state: ChannelMonitoringState,
  event: ChannelMonitoringEvent,
): ChannelMonitoringState {
  if (event.data.channelId === DEFAULT_CHANNEL) return { ...state, defaultMonitored: event.data.monitored };
  const channels = new Map(state.channels);
  channels.set(event.data.channelId, event.data.monitored);
  return { ...state, channels };
}

export const channelMonitoringAggregate = {
  initialState: initialChannelMonitoring,
  evolve: evolveChannelMonitoring,
};

/** The mode and list a state stands for. EXCLUDE with nothing excluded reads back as ALL (they mean the same). */
export function describeChannelMonitoring(state: ChannelMonitoringState): {
  mode: ChannelMonitoringMode;
  channelIds: string[];
} {
  const listed = [...state.channels]
    .filter(([, monitored]) => monitored !== state.defaultMonitored)
    .map(([channelId]) => channelId)
    .sort();
  if (!state.defaultMonitored) return { mode: 'INCLUDE', channelIds: listed };
  return listed.length === 0 ? { mode: 'ALL', channelIds: [] } : { mode: 'EXCLUDE', channelIds: listed };
}

/** A new setting; `teamId` defaults to every workspace. */
export interface SetChannelMonitoring {
  mode: ChannelMonitoringMode;
  channelIds: readonly string[];
  teamId?: string;
}

/**
 * The events that turn `state` into the requested setting: one per channel (or the default) whose state changes;
 * none when nothing changes. Pure: time comes in as `now`.
 */
export function decideChannelMonitoring(
  command: SetChannelMonitoring,
  state: ChannelMonitoringState,
  now: Date,
): NewEvent<ChannelMonitoringEvent>[] {
  const teamId = command.teamId ?? ALL_WORKSPACES;
  const defaultMonitored = command.mode !== 'INCLUDE';
  const listed = new Set(command.mode === 'ALL' ? [] : command.channelIds);
  const desired = new Map<string, boolean>();
  for (const channelId of listed) desired.set(channelId, command.mode === 'INCLUDE');
  // Channels listed before but not now fall back to the new default.
  for (const channelId of state.channels.keys()) {
    if (!listed.has(channelId)) desired.set(channelId, defaultMonitored);
  }
  const reason = `mode ${command.mode} set through the API`;
  const events: NewEvent<ChannelMonitoringEvent>[] = [];
  if (state.defaultMonitored !== defaultMonitored) {
    events.push({
      type: 'ChannelMonitoringChanged',
      data: {
        teamId,
        channelId: DEFAULT_CHANNEL,
        monitored: defaultMonitored,
        reason: `${reason}: channels not listed are ${defaultMonitored ? '' : 'not '}scanned`,
      },
      occurredAt: now,
    });
  }
  for (const [channelId, monitored] of [...desired].sort(([a], [b]) => a.localeCompare(b))) {
    if (state.channels.get(channelId) === monitored) continue;
    events.push({
      type: 'ChannelMonitoringChanged',
      data: { teamId, channelId, monitored, reason },
      occurredAt: now,
    });
  }
  return events;
}

/** The setting as the `monitored_channels` read model holds it, with when it last changed. */
export async function readChannelMonitoring(
  connection: PgConnection,
  teamId: string = ALL_WORKSPACES,
): Promise<ChannelMonitoringState & { updatedAt: Date | null }> {
  // Timestamps may come back as Date or as PostgreSQL text (MikroORM installs text parsers): read both.
  const { rows } = await connection.query<{
    channel_id: string;
    monitored: boolean;
    changed_at: Date | string;
  }>('SELECT channel_id, monitored, changed_at FROM monitored_channels WHERE team_id = $1', [teamId]);
  let state = initialChannelMonitoring();
  let updatedAt: Date | null = null;
  const channels = new Map<string, boolean>();
  for (const row of rows) {
    if (row.channel_id === DEFAULT_CHANNEL) state = { ...state, defaultMonitored: row.monitored };
    else channels.set(row.channel_id, row.monitored);
    const changedAt = new Date(row.changed_at);
    if (!updatedAt || changedAt > updatedAt) updatedAt = changedAt;
  }
  return { ...state, channels, updatedAt };
}

/**
 * Whether a message in `channelId` of workspace `teamId` is scanned: the most specific row wins — the channel in
 * its workspace, the channel in all workspaces, the workspace's default, the global default — and with no row at
 * all, every channel is. One indexed query (four primary-key probes); cache it briefly on a hot path.
 * @example if (await isChannelMonitored(orm, 'T024BE7LD', 'C0123')) enqueue(task);
 */
export async function isChannelMonitored(orm: MikroORM, teamId: string, channelId: string): Promise<boolean> {
  return withConnection(orm, (connection) => isChannelMonitoredOn(connection, teamId, channelId));
}

export async function isChannelMonitoredOn(
  connection: PgConnection,
  teamId: string,
  channelId: string,
): Promise<boolean> {
  const { rows } = await connection.query<{ team_id: string; channel_id: string; monitored: boolean }>(
    `SELECT team_id, channel_id, monitored FROM monitored_channels
     WHERE (team_id, channel_id) IN (($1, $2), ($3, $2), ($1, $4), ($3, $4))`,
    [teamId, channelId, ALL_WORKSPACES, DEFAULT_CHANNEL],
  );
  const find = (team: string, channel: string): boolean | undefined =>
    rows.find((row) => row.team_id === team && row.channel_id === channel)?.monitored;
  return (
    find(teamId, channelId) ??
    find(ALL_WORKSPACES, channelId) ??
    find(teamId, DEFAULT_CHANNEL) ??
    find(ALL_WORKSPACES, DEFAULT_CHANNEL) ??
    true
  );
}
