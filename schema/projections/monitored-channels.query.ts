import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Whether a channel is scanned. Every channel is, unless an admin excluded it (a `monitored_channels` row with
 * `monitored = false`). Answers are cached for a few seconds: the ingress asks on every event and must ack fast;
 * a change reaches it within the cache's lifetime.
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
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<Array<{ monitored: boolean }>>(
        'SELECT monitored FROM monitored_channels WHERE team_id = ? AND channel_id = ?',
        [teamId, channelId],
      );
    const monitored = rows[0]?.monitored ?? true;
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, { monitored, until: this.now() + this.ttlMs });
    return monitored;
  }
}
