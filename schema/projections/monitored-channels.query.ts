import type { MikroORM } from '@mikro-orm/postgresql';
import { isChannelMonitored } from '../channels/channel-monitoring';

/**
 * Whether a channel is scanned: every channel unless the channel monitoring setting (GraphQL
 * `setChannelMonitoring`, see schema/channels/channel-monitoring.ts) or a row for the channel itself says
 * otherwise. Answers are cached for a few seconds: the ingress asks on every event and must ack fast; a change
 * reaches it within the cache's lifetime.
 * @example if (await monitored.isMonitored('T1', 'C1')) enqueue(task);
 */
export class ChannelMonitoringCache {
  private readonly cache = new Map<string, { monitored: boolean; until: number }>();

  constructor(
    private readonly orm: MikroORM,
    private readonly ttlMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  async isMonitored(teamId: string, channelId: string): Promise<boolean> {
    const key = `${teamId}:${channelId}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > this.now()) return hit.monitored;
    // The same precedence as the API's setting: this channel, then the workspace's and the global default.
    const monitored = await isChannelMonitored(this.orm, teamId, channelId);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, { monitored, until: this.now() + this.ttlMs });
    return monitored;
  }
}
