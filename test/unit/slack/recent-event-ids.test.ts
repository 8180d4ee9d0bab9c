import { RecentEventIds } from '../../../api/slack/recent-event-ids';

describe('recent event ids', () => {
  it('queue an event once, and a retry of it is dropped', async () => {
    const recent = new RecentEventIds();
    const queued: string[] = [];
    expect(await recent.once('Ev1', async () => void queued.push('Ev1'))).toBe(true);
    expect(await recent.once('Ev1', async () => void queued.push('Ev1'))).toBe(false);
    expect(queued).toEqual(['Ev1']);
  });

  it('make a retry that arrives while the first is being queued wait for it', async () => {
    const recent = new RecentEventIds();
    let finish: () => void = () => undefined;
    const first = recent.once('Ev2', () => new Promise<void>((resolve) => (finish = resolve)));
    const retry = recent.once('Ev2', async () => {
      throw new Error('must not run');
    });
    finish();
    expect(await first).toBe(true);
    expect(await retry).toBe(false);
  });

  it('forget an event whose queueing failed, so Slack’s retry can queue it', async () => {
    const recent = new RecentEventIds();
    await expect(recent.once('Ev3', async () => Promise.reject(new Error('queue down')))).rejects.toThrow(
      'queue down',
    );
    expect(await recent.once('Ev3', async () => undefined)).toBe(true);
  });

  it('forget the oldest ids past their capacity', async () => {
    const recent = new RecentEventIds(2);
    for (const id of ['a', 'b', 'c']) await recent.once(id, async () => undefined);
    expect(recent.has('a')).toBe(false);
    expect(recent.has('c')).toBe(true);
  });
});
