import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type Message,
} from '@aws-sdk/client-sqs';
import type { ScanQueue } from './scan-queue';

/** What a handler knows about the delivery it is working on. */
export interface Delivery {
  messageId: string;
  /** 1 on the first delivery. */
  receiveCount: number;
  body: string;
}

export interface ConsumerHooks {
  /** Does the work. Throwing means "try again later"; resolving means done (the message is deleted). */
  handle(delivery: Delivery): Promise<void>;
  /**
   * Called once when a task has failed its last allowed attempt (or arrives past it), before it is moved to the
   * dead-letter queue: the place to record a ScanFailed event. Must be idempotent.
   */
  deadLetter(delivery: Delivery, reason: string): Promise<void>;
  /** Where operational problems are reported (no message text is ever passed). */
  warn(message: string, details?: Record<string, unknown>): void;
}

export interface ConsumerOptions {
  /** Tasks worked on at once. */
  concurrency: number;
  /** Messages asked for per receive (SQS allows 1–10). */
  batchSize: number;
  /** Long-poll wait. */
  waitSeconds: number;
  /** First retry delay; doubles with each receive, capped at 15 minutes. */
  backoffBaseSeconds: number;
  /**
   * After a receive that brought fewer messages than a batch while tasks are running, wait this long before the
   * next one, so messages gather and arrive in batches (fewer SQS calls at a steady rate); 0 turns it off.
   */
  receivePauseMs?: number;
}

export const DEFAULT_CONSUMER_OPTIONS: ConsumerOptions = {
  // Tasks wait on PostgreSQL and Slack far more than they compute: many in flight keep one core busy.
  concurrency: 32,
  batchSize: 10,
  waitSeconds: 20,
  backoffBaseSeconds: 2,
  receivePauseMs: 40,
};

/**
 * Long-polls the scan queue and runs tasks with bounded concurrency. While a task runs its visibility is
 * extended (a heartbeat), so slow files are not handed to a second worker; a failure is retried after an
 * exponential backoff; after the last allowed receive the task is dead-lettered. `stop()` stops receiving and
 * waits for what is in flight; anything not finished is redelivered by SQS.
 */
export class QueueConsumer {
  private running = false;
  private readonly inFlight = new Set<Promise<void>>();
  private loop: Promise<void> | null = null;
  private abort = new AbortController();
  private slotFreed: (() => void) | null = null;
  /** Finished tasks waiting to be deleted together (one DeleteMessageBatch instead of one call each). */
  private deletes: { receiptHandle: string; done: () => void }[] = [];
  private deleteFlush: NodeJS.Immediate | null = null;
  private deletesInFlight = 0;

  constructor(
    private readonly queue: ScanQueue,
    private readonly hooks: ConsumerHooks,
    private readonly options: ConsumerOptions = DEFAULT_CONSUMER_OPTIONS,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.abort = new AbortController();
    this.loop = this.pollLoop();
  }

  /** Stops receiving, then waits for in-flight tasks to finish. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.abort.abort();
    this.slotFreed?.();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  get busy(): number {
    return this.inFlight.size;
  }

  private async pollLoop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const free = this.options.concurrency - this.inFlight.size;
      // Under load, receive in batches rather than one message per freed slot: every SQS call costs a signed
      // request, and a batch of ten costs what one message does.
      const worthReceiving = Math.max(
        1,
        Math.min(this.options.batchSize, 10, Math.ceil(this.options.concurrency / 2)),
      );
      if (free <= 0 || (free < worthReceiving && this.inFlight.size > 0)) {
        await new Promise<void>((resolve) => (this.slotFreed = resolve));
        continue;
      }
      let messages: Message[] = [];
      try {
        const received = await this.queue.client.send(
          new ReceiveMessageCommand({
            QueueUrl: this.queue.queueUrl,
            MaxNumberOfMessages: Math.min(this.options.batchSize, free, 10),
            WaitTimeSeconds: this.options.waitSeconds,
            MessageSystemAttributeNames: ['ApproximateReceiveCount'],
          }),
          { abortSignal: this.abort.signal },
        );
        messages = received.Messages ?? [];
        failures = 0;
      } catch (error) {
        if (!this.running) break;
        failures += 1;
        const delay = Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
        this.hooks.warn('receiving from SQS failed; retrying', { error: errorName(error), retryInMs: delay });
        await sleep(delay, this.abort.signal);
        continue;
      }
      for (const message of messages) this.dispatch(message);
      const pause = this.options.receivePauseMs ?? 0;
      if (pause > 0 && messages.length < worthReceiving && this.inFlight.size > 0) {
        await sleep(pause, this.abort.signal);
      }
    }
  }

  private dispatch(message: Message): void {
    const task = this.run(message).finally(() => {
      this.inFlight.delete(task);
      const wake = this.slotFreed;
      this.slotFreed = null;
      wake?.();
    });
    this.inFlight.add(task);
  }

  private async run(message: Message): Promise<void> {
    const receiptHandle = message.ReceiptHandle;
    if (!receiptHandle) return;
    const delivery: Delivery = {
      messageId: message.MessageId ?? 'unknown',
      receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? 1),
      body: message.Body ?? '',
    };
    const max = this.queue.config.maxReceiveCount;
    if (delivery.receiveCount > max) {
      await this.giveUp(delivery, receiptHandle, `gave up after ${max} attempts`);
      return;
    }
    const heartbeat = this.startHeartbeat(receiptHandle);
    try {
      await this.hooks.handle(delivery);
      clearInterval(heartbeat);
      await this.delete(receiptHandle);
    } catch (error) {
      clearInterval(heartbeat);
      if (delivery.receiveCount >= max) {
        await this.giveUp(delivery, receiptHandle, `failed ${max} times; last error: ${errorName(error)}`);
        return;
      }
      const backoff = Math.min(900, this.options.backoffBaseSeconds * 2 ** (delivery.receiveCount - 1));
      this.hooks.warn('task failed; it will be retried', {
        messageId: delivery.messageId,
        attempt: delivery.receiveCount,
        retryInSeconds: backoff,
        error: errorName(error),
      });
      await this.changeVisibility(receiptHandle, backoff);
    }
  }

  private async giveUp(delivery: Delivery, receiptHandle: string, reason: string): Promise<void> {
    try {
      await this.hooks.deadLetter(delivery, reason);
      if (this.queue.deadLetterQueueUrl) {
        await this.queue.client.send(
          new SendMessageCommand({ QueueUrl: this.queue.deadLetterQueueUrl, MessageBody: delivery.body }),
        );
      }
      await this.delete(receiptHandle);
    } catch (error) {
      // Leave it: the queue's own redrive policy moves it to the dead-letter queue on a later receive.
      this.hooks.warn('dead-lettering a task failed', {
        messageId: delivery.messageId,
        error: errorName(error),
      });
    }
  }

  private startHeartbeat(receiptHandle: string): NodeJS.Timeout {
    const timeout = this.queue.config.visibilityTimeoutSeconds;
    const timer = setInterval(
      () => {
        void this.changeVisibility(receiptHandle, timeout);
      },
      // A third of the timeout leaves two chances to extend before the task would reappear.
      Math.max(250, (timeout * 1000) / 3),
    );
    timer.unref();
    return timer;
  }

  private async changeVisibility(receiptHandle: string, seconds: number): Promise<void> {
    try {
      await this.queue.client.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: this.queue.queueUrl,
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: Math.round(seconds),
        }),
      );
    } catch (error) {
      this.hooks.warn('extending visibility failed', { error: errorName(error) });
    }
  }

  /**
   * Deletes a finished task. Tasks finishing in the same turn of the event loop are deleted in one
   * DeleteMessageBatch (up to 10): under load that is most of them, and each SQS call costs a signed request.
   */
  private delete(receiptHandle: string): Promise<void> {
    return new Promise<void>((done) => {
      this.deletes.push({ receiptHandle, done });
      if (this.deletes.length >= 10) this.flushDeletes();
      else if (this.deletesInFlight === 0) this.deleteFlush ??= setImmediate(() => this.flushDeletes());
      // Otherwise the batch in flight flushes these when it returns: they gather meanwhile.
    });
  }

  private flushDeletes(): void {
    if (this.deleteFlush) clearImmediate(this.deleteFlush);
    this.deleteFlush = null;
    while (this.deletes.length > 0) {
      const batch = this.deletes.splice(0, 10);
      this.deletesInFlight += 1;
      void this.deleteBatch(batch.map((entry) => entry.receiptHandle)).finally(() => {
        this.deletesInFlight -= 1;
        for (const entry of batch) entry.done();
        if (this.deletesInFlight === 0 && this.deletes.length > 0) this.flushDeletes();
      });
    }
  }

  private async deleteBatch(receiptHandles: string[]): Promise<void> {
    try {
      if (receiptHandles.length === 1) {
        await this.queue.client.send(
          new DeleteMessageCommand({ QueueUrl: this.queue.queueUrl, ReceiptHandle: receiptHandles[0] }),
        );
        return;
      }
      const result = await this.queue.client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.queue.queueUrl,
          Entries: receiptHandles.map((handle, index) => ({ Id: String(index), ReceiptHandle: handle })),
        }),
      );
      if ((result.Failed ?? []).length > 0) {
        this.hooks.warn('deleting some finished tasks failed; their redelivery will be a no-op', {
          failed: (result.Failed ?? []).map((entry) => entry.Code ?? 'unknown'),
        });
      }
    } catch (error) {
      // The tasks are done and idempotent: a redelivery appends nothing and acts on nothing.
      this.hooks.warn('deleting finished tasks failed; their redelivery will be a no-op', {
        error: errorName(error),
      });
    }
  }
}

function errorName(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return String(error).slice(0, 300);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    // The listener goes when the timer fires: the consumer sleeps often, and the signal lives as long as it runs.
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
