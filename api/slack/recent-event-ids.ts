/**
 * The Slack event ids this process queued lately, so a Slack retry (X-Slack-Retry-Num) of one of them is acked
 * and dropped instead of queued again. Bounded: the oldest ids are forgotten first. This is a fast path only: a
 * retry that reaches another process, or arrives after a restart, is queued again, and the worker's deterministic
 * event ids make that second task a no-op.
 * @example const recent = new RecentEventIds(50_000); if (!recent.has(id)) { await queue(); recent.add(id); }
 */
export class RecentEventIds {
  private readonly ids = new Set<string>();
  private readonly pending = new Map<string, Promise<void>>();

  constructor(private readonly capacity = 50_000) {}

  has(eventId: string): boolean {
    return this.ids.has(eventId);
  }

  add(eventId: string): void {
    this.ids.add(eventId);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next();
      if (oldest.done !== true) this.ids.delete(oldest.value);
    }
  }

  /**
   * Runs `enqueue` once per event id: a retry arriving while the first delivery is still being queued waits for
   * it (and fails with it) instead of queueing a second copy. Returns false when the id was already queued.
   */
  async once(eventId: string, enqueue: () => Promise<void>): Promise<boolean> {
    if (this.ids.has(eventId)) return false;
    const inFlight = this.pending.get(eventId);
    if (inFlight) {
      await inFlight;
      return false;
    }
    const work = enqueue().then(() => this.add(eventId));
    this.pending.set(eventId, work);
    try {
      await work;
      return true;
    } finally {
      this.pending.delete(eventId);
    }
  }
}
