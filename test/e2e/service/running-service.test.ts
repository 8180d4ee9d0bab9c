import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { messageEvent } from '../../fakes/slack-events';
import { RunningService } from '../../support/running-service';

jest.setTimeout(180_000);

const BIN = join(resolve(__dirname, '../../..'), 'bin/leakshield');

/** A Luhn-valid test card number, assembled at run time. */
function cardNumber(): string {
  const digits = '411111111111111';
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  const full = `${digits}${(10 - (sum % 10)) % 10}`;
  return full.replace(/(\d{4})(?=\d)/g, '$1 ');
}

describe('LeakShield started as one process (leakshield start)', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await RunningService.start({ env: { LOG_LEVEL: 'debug' } });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('answers health and readiness', async () => {
    expect((await fetch(`${service.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${service.baseUrl}/readyz`);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });

  it('blocks a card number posted in Slack, shows it masked over GraphQL and counts it in /metrics', async () => {
    const card = cardNumber();
    const envelope = messageEvent({ channel: 'C0E2ECARD', text: `can you charge ${card} today?` });
    const ack = await service.sendEvent(envelope);
    expect(ack.status).toBe(200);

    const [deletion] = await service.slack.waitFor('chat.delete', (c) => c.params.channel === 'C0E2ECARD');
    expect(deletion?.token).toBe(service.env.SLACK_WORKSPACE_ACCESS_TOKEN);
    const notices = await service.slack.waitFor('chat.postMessage', (c) => c.params.channel === 'C0E2ECARD');
    expect(JSON.stringify(notices)).not.toContain(card.replace(/ /g, ''));
    expect(JSON.stringify(notices)).not.toContain(card);

    let detections: { maskedMatch: string; action: string }[] = [];
    for (let attempt = 0; attempt < 100 && detections.length === 0; attempt += 1) {
      const result = await service.graphql<{
        detections: { nodes: { maskedMatch: string; action: string }[] };
      }>(
        'query($c: String) { detections(first: 10, filter: { channelId: $c }) { nodes { maskedMatch action } } }',
        { c: 'C0E2ECARD' },
      );
      detections = result.data?.detections.nodes ?? [];
      if (detections.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(detections).toEqual([
      expect.objectContaining({ maskedMatch: '4111 **** **** 1111', action: 'BLOCK' }),
    ]);

    // The scan's duration is observed when its task is done, a moment after the last Slack call.
    let metrics = '';
    for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
      metrics = await (await fetch(`${service.baseUrl}/metrics`)).text();
      if (/leakshield_scan_duration_seconds_count\{[^}]*\} [1-9]/.test(metrics)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(metrics).toMatch(/leakshield_slack_events_received_total\{[^}]*\} [1-9]/);
    expect(metrics).toMatch(/leakshield_detections_total\{pattern="card-visa",action="BLOCK"\} 1/);
    expect(metrics).toMatch(/leakshield_scan_duration_seconds_count\{[^}]*\} [1-9]/);
    expect(metrics).toMatch(/leakshield_queue_messages\{queue="scan",state="visible"\} \d/);
  });

  it('keeps the audit log verifiable from the command line', () => {
    const result = spawnSync(process.execPath, [BIN, 'audit', 'verify', '--json'], {
      env: { ...service.env },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, firstBrokenPosition: null });
  });

  it('writes no secret and no message text to its logs, even at debug level', async () => {
    const card = cardNumber();
    const text = `my card is ${card} and the phrase is purple-elephant-sunrise`;
    await service.sendEvent(messageEvent({ channel: 'C0E2ELOGS', text }));
    await service.slack.waitFor('chat.delete', (c) => c.params.channel === 'C0E2ELOGS');
    const logs = service.logs;
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(card);
    expect(logs).not.toContain(card.replace(/ /g, ''));
    expect(logs).not.toContain('purple-elephant-sunrise');
  });

  it('shuts down gracefully on SIGTERM', async () => {
    const main = service.process('start');
    expect(main).toBeDefined();
    expect(await main?.stop()).toBe(0);
    expect(main?.output.join('')).toMatch(/shutting down/);
  });
});

describe('settings checked at start-up', () => {
  it('exit 78 with every problem listed and no secret echoed', () => {
    const secret = 'xoxp-this-is-not-a-bot-token-123456';
    const result = spawnSync(process.execPath, [BIN, 'start'], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: 'mysql://nowhere/db',
        SLACK_BOT_TOKEN: secret,
        SLACK_SIGNING_SECRET: 'x',
        LEAKSHIELD_ENCRYPTION_KEY: 'too-short',
        PORT: 'eighty',
      },
      encoding: 'utf8',
      cwd: '/tmp',
    });
    expect(result.status).toBe(78);
    for (const name of ['DATABASE_URL', 'SLACK_BOT_TOKEN', 'LEAKSHIELD_ENCRYPTION_KEY', 'PORT']) {
      expect(result.stderr).toContain(name);
    }
    expect(result.stderr).not.toContain(secret);
  });
});
