import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  QueueDoesNotExist,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { startEmbeddedSqs, type EmbeddedSqs } from './embedded-sqs';
import type { QueueConfig } from './queue-config';

/** A connected scan queue: the client, the queue and dead-letter queue URLs, and the emulator when embedded. */
export interface ScanQueue {
  client: SQSClient;
  queueUrl: string;
  deadLetterQueueUrl: string | null;
  config: QueueConfig;
  /** The endpoint actually used (the emulator's when embedded). */
  endpoint: string | undefined;
  close(): Promise<void>;
}

/**
 * Connects to SQS (or starts the embedded emulator), and creates the queue and its dead-letter queue with a
 * redrive policy when they are missing and creation is allowed.
 * @example const queue = await connectScanQueue(queueConfig(settings));
 */
export async function connectScanQueue(config: QueueConfig): Promise<ScanQueue> {
  let emulator: EmbeddedSqs | null = null;
  let endpoint = config.endpoint;
  if (config.embedded) {
    emulator = await startEmbeddedSqs(config.region);
    endpoint = emulator.endpoint;
  }
  const client = new SQSClient({
    region: config.region,
    ...(endpoint ? { endpoint } : {}),
    // The emulator accepts any signature; real AWS takes credentials from the standard chain.
    ...(emulator ? { credentials: { accessKeyId: 'embedded', secretAccessKey: 'embedded' } } : {}),
    maxAttempts: 5,
  });
  try {
    const deadLetterQueueUrl = await ensureQueue(client, `${config.queueName}-dlq`, config, null);
    const queueUrl = await ensureQueue(client, config.queueName, config, deadLetterQueueUrl);
    return {
      client,
      queueUrl,
      deadLetterQueueUrl,
      config,
      endpoint,
      close: async () => {
        client.destroy();
        await emulator?.stop();
      },
    };
  } catch (error) {
    client.destroy();
    await emulator?.stop();
    throw error;
  }
}

async function ensureQueue(
  client: SQSClient,
  name: string,
  config: QueueConfig,
  deadLetterQueueUrl: string | null,
): Promise<string> {
  try {
    const found = await client.send(new GetQueueUrlCommand({ QueueName: name }));
    if (found.QueueUrl) return found.QueueUrl;
  } catch (error) {
    if (!(error instanceof QueueDoesNotExist) && (error as { name?: string }).name !== 'QueueDoesNotExist') {
      if (!config.createQueues) throw error;
    }
    if (!config.createQueues) {
      throw new Error(
        `SQS queue ${name} does not exist and SQS_CREATE_QUEUES=false: create it (see README, "AWS") or allow creation`,
      );
    }
  }
  const attributes: Record<string, string> = {
    VisibilityTimeout: String(config.visibilityTimeoutSeconds),
    MessageRetentionPeriod: String(deadLetterQueueUrl ? 4 * 24 * 3600 : 14 * 24 * 3600),
    ReceiveMessageWaitTimeSeconds: '20',
  };
  if (deadLetterQueueUrl) {
    const arn = await client.send(
      new GetQueueAttributesCommand({ QueueUrl: deadLetterQueueUrl, AttributeNames: ['QueueArn'] }),
    );
    const dlqArn = arn.Attributes?.QueueArn;
    if (dlqArn) {
      attributes.RedrivePolicy = JSON.stringify({
        deadLetterTargetArn: dlqArn,
        // One more than the worker's own limit: the worker dead-letters (with a ScanFailed) first; this is the net
        // for a worker that died on the last attempt.
        maxReceiveCount: String(config.maxReceiveCount + 1),
      });
    }
  }
  const created = await client.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  if (!created.QueueUrl) throw new Error(`SQS did not return a URL for queue ${name}`);
  return created.QueueUrl;
}
