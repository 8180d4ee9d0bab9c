import { errorCode, useApiServer } from './api-harness';
import { appendMessage } from './detection-fixtures';

const STATS = `query($from: DateTime!, $to: DateTime!, $bucket: StatsBucket!) {
  stats(from: $from, to: $to, bucket: $bucket) {
    from to bucket
    totals { scans detections blocked redacted alerted logged failedActions }
    series { start scans detections byAction { action count } }
    byAction { action count }
    byPattern(first: 2) { patternId patternName count }
    byChannel { channelId count }
  }
}`;

interface StatsResult {
  stats: {
    from: string;
    to: string;
    bucket: string;
    totals: Record<string, number>;
    series: Array<{
      start: string;
      scans: number;
      detections: number;
      byAction: Array<{ action: string; count: number }>;
    }>;
    byAction: Array<{ action: string; count: number }>;
    byPattern: Array<{ patternId: string; patternName: string; count: number }>;
    byChannel: Array<{ channelId: string; count: number }>;
  };
}

describe('stats over time', () => {
  const api = useApiServer();

  beforeAll(async () => {
    // Day 1, 09:xx: three messages in C0001 (one blocked), one clean message. Day 1, 11:xx: one in C0002.
    // Day 3: one LOG finding in C0002. Nothing on day 2.
    const at = (iso: string) => new Date(iso);
    await appendMessage(api.store, {
      at: at('2025-07-01T09:05:00Z'),
      channelId: 'C0001',
      findings: [
        { patternId: 'card', action: 'BLOCK' },
        { patternId: 'iban', action: 'ALERT' },
      ],
      outcome: 'blocked',
    });
    await appendMessage(api.store, {
      at: at('2025-07-01T09:10:00Z'),
      channelId: 'C0001',
      findings: [{ patternId: 'card', action: 'BLOCK' }],
      outcome: 'failed',
    });
    await appendMessage(api.store, {
      at: at('2025-07-01T09:20:00Z'),
      channelId: 'C0001',
      findings: [{ patternId: 'card', action: 'ALERT' }],
    });
    await appendMessage(api.store, { at: at('2025-07-01T09:30:00Z'), channelId: 'C0001', findings: [] });
    await appendMessage(api.store, {
      at: at('2025-07-01T11:00:00Z'),
      channelId: 'C0002',
      findings: [{ patternId: 'iban', action: 'REDACT' }],
    });
    await appendMessage(api.store, {
      at: at('2025-07-03T08:00:00Z'),
      channelId: 'C0002',
      findings: [{ patternId: 'email', action: 'LOG', patternName: 'Email address' }],
    });
  });

  it('by day: one zero-filled point per UTC day, totals, and the top patterns and channels', async () => {
    const response = await api.gql<StatsResult>(
      STATS,
      { from: '2025-07-01T10:00:00Z', to: '2025-07-03T12:00:00Z', bucket: 'DAY' },
      api.keys.INTEGRATION,
    );
    expect(response.errors).toBeUndefined();
    const stats = response.data!.stats;
    expect(stats).toMatchObject({
      from: '2025-07-01T00:00:00.000Z',
      to: '2025-07-04T00:00:00.000Z',
      bucket: 'DAY',
    });
    expect(stats.series.map((point) => [point.start, point.scans, point.detections])).toEqual([
      ['2025-07-01T00:00:00.000Z', 5, 5],
      ['2025-07-02T00:00:00.000Z', 0, 0],
      ['2025-07-03T00:00:00.000Z', 1, 1],
    ]);
    expect(stats.series[0]!.byAction).toEqual([
      { action: 'LOG', count: 0 },
      { action: 'ALERT', count: 2 },
      { action: 'REDACT', count: 1 },
      { action: 'BLOCK', count: 2 },
    ]);
    expect(stats.totals).toEqual({
      scans: 6,
      detections: 6,
      blocked: 1,
      redacted: 0,
      alerted: 0,
      logged: 1,
      failedActions: 1,
    });
    expect(stats.byAction).toEqual([
      { action: 'LOG', count: 1 },
      { action: 'ALERT', count: 2 },
      { action: 'REDACT', count: 1 },
      { action: 'BLOCK', count: 2 },
    ]);
    expect(stats.byPattern).toEqual([
      { patternId: 'card', patternName: 'Credit card number', count: 3 },
      { patternId: 'iban', patternName: 'Credit card number', count: 2 },
    ]);
    expect(stats.byChannel).toEqual([
      { channelId: 'C0001', count: 4 },
      { channelId: 'C0002', count: 2 },
    ]);
  });

  it('by hour: every hour of the range, with the busy ones counted', async () => {
    const response = await api.gql<StatsResult>(STATS, {
      from: '2025-07-01T08:30:00Z',
      to: '2025-07-01T12:00:00Z',
      bucket: 'HOUR',
    });
    expect(
      response.data?.stats.series.map((point) => [point.start.slice(11, 16), point.scans, point.detections]),
    ).toEqual([
      ['08:00', 0, 0],
      ['09:00', 4, 4],
      ['10:00', 0, 0],
      ['11:00', 1, 1],
    ]);
  });

  it('refuses inverted ranges and series too long for their bucket with BAD_USER_INPUT', async () => {
    const inverted = await api.gql(STATS, {
      from: '2025-07-02T00:00:00Z',
      to: '2025-07-01T00:00:00Z',
      bucket: 'DAY',
    });
    expect(errorCode(inverted)).toBe('BAD_USER_INPUT');
    const tooLong = await api.gql(STATS, {
      from: '2025-01-01T00:00:00Z',
      to: '2025-03-01T00:00:00Z',
      bucket: 'HOUR',
    });
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors?.[0]?.message).toMatch(/at most 744 buckets/);
    const notADate = await api.gql(STATS, { from: 'yesterday', to: '2025-03-01T00:00:00Z', bucket: 'DAY' });
    expect(errorCode(notADate)).toBe('BAD_USER_INPUT');
  });
});
