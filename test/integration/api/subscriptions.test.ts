import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createEventStore } from '../../../schema/audit-log';
import { openDatabase, type Database } from '../../../schema/db/database';
import { useApiServer } from './api-harness';
import { appendMessage } from './detection-fixtures';

const SUBSCRIPTION = `subscription($filter: DetectionFilter) {
  detectionAdded(filter: $filter) { id channelId severity maskedMatch outcome }
}`;

interface Added {
  id: string;
  channelId: string;
  severity: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the detectionAdded subscription', () => {
  const api = useApiServer();
  // The worker runs in another process: here, another connection pool and event store on the same database.
  let worker: Database;
  const clients: Client[] = [];

  beforeAll(async () => {
    worker = await openDatabase({ url: api.db.url, migrate: false, poolMax: 2 });
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await worker?.close();
  });

  function connect(key: string | null): Client {
    const client = createClient({
      url: `${api.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: key ? { Authorization: `Bearer ${key}` } : {},
      retryAttempts: 0,
    });
    clients.push(client);
    return client;
  }

  it('delivers over graphql-ws the detections another process appends, only those matching the filter', async () => {
    const received: Added[] = [];
    const errors: unknown[] = [];
    const client = connect(api.keys.INTEGRATION);
    const unsubscribe = client.subscribe<{ detectionAdded: Added }>(
      { query: SUBSCRIPTION, variables: { filter: { channelId: 'C0LIVE', severity: ['CRITICAL'] } } },
      {
        next: (message) => {
          if (message.data) received.push(message.data.detectionAdded);
          if (message.errors) errors.push(message.errors);
        },
        error: (error) => errors.push(error),
        complete: () => undefined,
      },
    );
    const store = createEventStore(worker.orm);
    const matching: string[] = [];
    // The subscription is live a moment after it is sent: keep appending until the first detection arrives.
    for (let attempt = 0; attempt < 100 && received.length === 0; attempt += 1) {
      await appendMessage(store, {
        channelId: 'C0OTHER',
        at: new Date(),
        findings: [{ severity: 'CRITICAL' }],
      });
      await appendMessage(store, { channelId: 'C0LIVE', at: new Date(), findings: [{ severity: 'LOW' }] });
      matching.push(
        ...(await appendMessage(store, {
          channelId: 'C0LIVE',
          at: new Date(),
          findings: [{ severity: 'CRITICAL', maskedMatch: 'ghp_****ABCD' }],
        })),
      );
      await sleep(50);
    }
    unsubscribe();
    expect(errors).toEqual([]);
    expect(received.length).toBeGreaterThan(0);
    for (const detection of received) {
      expect(detection).toMatchObject({ channelId: 'C0LIVE', severity: 'CRITICAL' });
      expect(matching).toContain(detection.id);
    }
  });

  it('refuses a connection without a valid key', async () => {
    const client = connect('lsk_not-a-real-key-aaaaaaaaaaaaaaaaaaaaaaaa');
    const outcome = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: SUBSCRIPTION },
        { next: () => resolve('received data'), error: resolve, complete: () => resolve('completed') },
      );
    });
    expect(outcome).toMatchObject({ code: 4403 });
  });
});
