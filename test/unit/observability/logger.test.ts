import { Writable } from 'node:stream';
import { createLogger } from '../../../schema/observability/logger';
import { Metrics } from '../../../schema/observability/metrics';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, stream };
}

// Built at run time so no secret-shaped literal sits in the repository.
const card = ['4111', '1111', '1111', '1111'].join(' ');
const awsKey = `AKIA${'Q3RTYUIOPZXCVBNM'}`;

describe('the JSON logger', () => {
  it('never writes a content or credential field, whatever it holds', () => {
    const { lines, stream } = capture();
    const log = createLogger({ level: 'info', name: 'test' }, stream);
    log.info({ text: 'hello there', channelId: 'C1', event: { text: 'nested' }, token: 'xoxb-1' }, 'scanned');
    const record = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(record).toMatchObject({
      msg: 'scanned',
      channelId: 'C1',
      text: '[redacted]',
      token: '[redacted]',
    });
    expect(record.event).toEqual({ text: '[redacted]' });
  });

  it('masks a secret that slips into a message or an error', () => {
    const { lines, stream } = capture();
    const log = createLogger({ level: 'info' }, stream);
    log.warn({ error: new Error(`could not charge ${card}`) }, `retrying with ${awsKey}`);
    const line = lines.join('');
    expect(line).not.toContain(card);
    expect(line).not.toContain(awsKey);
    expect(line).toContain('4111 **** **** 1111');
  });
});

describe('the metrics registry', () => {
  it('renders counters with their labels in the Prometheus text format', async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    metrics.detections.inc({ pattern: 'github-pat-classic', action: 'BLOCK' });
    let scraped = 0;
    metrics.onScrape(async () => {
      scraped += 1;
      metrics.queueDepth.set({ queue: 'scan', state: 'visible' }, 3);
    });
    const { body, contentType } = await metrics.render();
    expect(contentType).toMatch(/text\/plain/);
    expect(body).toContain('leakshield_detections_total{pattern="github-pat-classic",action="BLOCK"} 1');
    expect(body).toContain('leakshield_queue_messages{queue="scan",state="visible"} 3');
    expect(scraped).toBe(1);
  });
});
