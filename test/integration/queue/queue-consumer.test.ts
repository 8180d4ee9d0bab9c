import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { QueueConsumer, type Delivery } from '../../../worker/queue/queue-consumer';
import { connectScanQueue, type ScanQueue } from '../../../worker/queue/scan-queue';
import type { QueueConfig } from '../../../worker/queue/queue-config';

function config(name: string, overrides: Partial<QueueConfig> = {}): QueueConfig {
  return {
    endpoint: undefined,
    region: 'us-east-1',
    queueName: name,
    embedded: true,
    createQueues: true,
    maxReceiveCount: 3,
    visibilityTimeoutSeconds: 2,
    ...overrides,
  };
}

async function until(check: () => boolean | Promise<boolean>, what: string, limitMs = 15_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function send(queue: ScanQueue, body: string): Promise<void> {
  await queue.client.send(new SendMessageCommand({ QueueUrl: queue.queueUrl, MessageBody: body }));
}

const quiet = { warn: () => undefined };

describe('the scan queue on the embedded SQS emulator', () => {
  let queue: ScanQueue;
  afterEach(async () => {
    await queue?.close();
  });

  it('is created with a dead-letter queue and a redrive policy', async () => {
    queue = await connectScanQueue(config('scan-a'));
    expect(queue.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const attributes = await queue.client.send(
      new GetQueueAttributesCommand({ QueueUrl: queue.queueUrl, AttributeNames: ['RedrivePolicy'] }),
    );
    const policy = JSON.parse(attributes.Attributes?.RedrivePolicy ?? '{}') as { maxReceiveCount?: unknown };
    expect(Number(policy.maxReceiveCount)).toBe(4);
    expect(queue.deadLetterQueueUrl).toContain('scan-a-dlq');
  });

  it('runs every task once, many at a time, and deletes it when done', async () => {
    queue = await connectScanQueue(config('scan-b'));
    const seen: string[] = [];
    let concurrent = 0;
    let maxConcurrent = 0;
    const consumer = new QueueConsumer(
      queue,
      {
        ...quiet,
        handle: async (d: Delivery) => {
          concurrent += 1;
          maxConcurrent = Math.max(maxConcurrent, concurrent);
          await new Promise((r) => setTimeout(r, 30));
          seen.push(d.body);
          concurrent -= 1;
        },
        deadLetter: async () => undefined,
      },
      { concurrency: 4, batchSize: 10, waitSeconds: 1, backoffBaseSeconds: 1 },
    );
    consumer.start();
    for (let i = 0; i < 20; i += 1) await send(queue, `task-${i}`);
    await until(() => seen.length === 20, 'all tasks');
    await consumer.stop();
    expect(new Set(seen).size).toBe(20);
    expect(maxConcurrent).toBeLessThanOrEqual(4);
    expect(maxConcurrent).toBeGreaterThan(1);
    const left = await queue.client.send(
      new ReceiveMessageCommand({ QueueUrl: queue.queueUrl, WaitTimeSeconds: 0 }),
    );
    expect(left.Messages ?? []).toEqual([]);
  });

  it('retries a failing task with backoff, then dead-letters it with a reason', async () => {
    queue = await connectScanQueue(config('scan-c', { maxReceiveCount: 2 }));
    const attempts: number[] = [];
    const deadLettered: string[] = [];
    const consumer = new QueueConsumer(
      queue,
      {
        ...quiet,
        handle: async (d) => {
          attempts.push(d.receiveCount);
          throw new Error('extraction exploded');
        },
        deadLetter: async (d, reason) => {
          deadLettered.push(`${d.body}: ${reason}`);
        },
      },
      { concurrency: 2, batchSize: 10, waitSeconds: 1, backoffBaseSeconds: 1 },
    );
    consumer.start();
    await send(queue, 'poison');
    await until(() => deadLettered.length === 1, 'dead-lettering');
    await consumer.stop();
    expect(attempts).toEqual([1, 2]);
    expect(deadLettered[0]).toMatch(/^poison: failed 2 times; last error: Error: extraction exploded/);
    const dlq = await queue.client.send(
      new ReceiveMessageCommand({ QueueUrl: queue.deadLetterQueueUrl ?? '', WaitTimeSeconds: 1 }),
    );
    expect(dlq.Messages?.map((m) => m.Body)).toEqual(['poison']);
  });

  it('keeps a slow task invisible to other workers while it runs (heartbeat)', async () => {
    queue = await connectScanQueue(config('scan-d', { visibilityTimeoutSeconds: 1 }));
    const starts: number[] = [];
    const consumer = new QueueConsumer(
      queue,
      {
        ...quiet,
        handle: async (d) => {
          starts.push(d.receiveCount);
          await new Promise((r) => setTimeout(r, 2_500));
        },
        deadLetter: async () => undefined,
      },
      { concurrency: 2, batchSize: 10, waitSeconds: 1, backoffBaseSeconds: 1 },
    );
    consumer.start();
    await send(queue, 'slow file');
    await until(() => starts.length === 1, 'the first start');
    await new Promise((r) => setTimeout(r, 3_000));
    await consumer.stop();
    expect(starts).toEqual([1]);
  });

  it('finishes what is in flight on stop and receives nothing more', async () => {
    queue = await connectScanQueue(config('scan-e'));
    const finished: string[] = [];
    let started = 0;
    const consumer = new QueueConsumer(
      queue,
      {
        ...quiet,
        handle: async (d) => {
          started += 1;
          await new Promise((r) => setTimeout(r, 300));
          finished.push(d.body);
        },
        deadLetter: async () => undefined,
      },
      { concurrency: 1, batchSize: 1, waitSeconds: 1, backoffBaseSeconds: 1 },
    );
    consumer.start();
    await send(queue, 'one');
    await until(() => started === 1, 'the first task');
    await consumer.stop();
    expect(finished).toEqual(['one']);
    await send(queue, 'two');
    await new Promise((r) => setTimeout(r, 300));
    expect(started).toBe(1);
  });
});
