import { SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { encodeScanTask, type ScanTask } from '../../schema/tasks/scan-task';
import type { ScanQueue } from './scan-queue';

export class EnqueueError extends Error {
  override name = 'EnqueueError';
}

/**
 * Puts scan tasks on the queue: one SendMessage for one task, SendMessageBatch (10 at a time) for more. Gives up
 * after `timeoutMs` so the ingress can still answer Slack in time (with an error, which makes Slack retry).
 * @example await enqueueScanTasks(queue, tasks, { timeoutMs: 2000 });
 */
export async function enqueueScanTasks(
  queue: ScanQueue,
  tasks: readonly ScanTask[],
  options: { timeoutMs?: number } = {},
): Promise<void> {
  if (tasks.length === 0) return;
  const abortSignal = AbortSignal.timeout(options.timeoutMs ?? 2_000);
  const bodies = tasks.map(encodeScanTask);
  if (bodies.length === 1) {
    await queue.client.send(new SendMessageCommand({ QueueUrl: queue.queueUrl, MessageBody: bodies[0] }), {
      abortSignal,
    });
    return;
  }
  for (let start = 0; start < bodies.length; start += 10) {
    const entries = bodies
      .slice(start, start + 10)
      .map((body, index) => ({ Id: `t${start + index}`, MessageBody: body }));
    const result = await queue.client.send(
      new SendMessageBatchCommand({ QueueUrl: queue.queueUrl, Entries: entries }),
      { abortSignal },
    );
    const failed = result.Failed ?? [];
    if (failed.length > 0) {
      throw new EnqueueError(
        `SQS refused ${failed.length} of ${entries.length} tasks: ${failed.map((f) => f.Code ?? 'unknown').join(', ')}`,
      );
    }
  }
}

interface PendingEntry {
  body: string;
  settle: (error: Error | null) => void;
}

/**
 * A sender for the ingress: a task goes at once when nothing is being sent; tasks arriving while a send is in
 * flight gather and go together in one SendMessageBatch (up to 10 entries) when it returns. Under load that saves
 * most of the signed SQS calls, and an idle ingress adds no wait. Each caller resolves when its own tasks are on
 * the queue.
 * @example const send = scanTaskSender(queue); await send(tasks);
 */
export function scanTaskSender(
  queue: ScanQueue,
  options: { timeoutMs?: number } = {},
): (tasks: readonly ScanTask[]) => Promise<void> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  let pending: PendingEntry[] = [];
  let scheduled: NodeJS.Immediate | null = null;
  let inFlight = 0;
  // A send that is slow to return must not hold the next tasks back for long.
  let fallback: NodeJS.Timeout | null = null;

  const sendBatch = async (entries: PendingEntry[]): Promise<void> => {
    const abortSignal = AbortSignal.timeout(timeoutMs);
    try {
      if (entries.length === 1) {
        await queue.client.send(
          new SendMessageCommand({ QueueUrl: queue.queueUrl, MessageBody: entries[0]!.body }),
          {
            abortSignal,
          },
        );
        entries[0]!.settle(null);
        return;
      }
      const result = await queue.client.send(
        new SendMessageBatchCommand({
          QueueUrl: queue.queueUrl,
          Entries: entries.map((entry, index) => ({ Id: String(index), MessageBody: entry.body })),
        }),
        { abortSignal },
      );
      const failed = new Map((result.Failed ?? []).map((f) => [f.Id ?? '', f.Code ?? 'unknown']));
      entries.forEach((entry, index) => {
        const code = failed.get(String(index));
        entry.settle(code === undefined ? null : new EnqueueError(`SQS refused the task: ${code}`));
      });
    } catch (error) {
      const reason = error instanceof Error ? error : new EnqueueError(String(error));
      for (const entry of entries) entry.settle(reason);
    }
  };

  const flush = (): void => {
    if (scheduled) clearImmediate(scheduled);
    if (fallback) clearTimeout(fallback);
    scheduled = null;
    fallback = null;
    const all = pending;
    pending = [];
    for (let start = 0; start < all.length; start += 10) {
      inFlight += 1;
      void sendBatch(all.slice(start, start + 10)).finally(() => {
        inFlight -= 1;
        if (inFlight === 0 && pending.length > 0) flush();
      });
    }
  };

  return async (tasks) => {
    if (tasks.length === 0) return;
    const bodies = tasks.map(encodeScanTask);
    await Promise.all(
      bodies.map(
        (body) =>
          new Promise<void>((resolve, reject) => {
            pending.push({ body, settle: (error) => (error ? reject(error) : resolve()) });
            if (pending.length >= 10) flush();
            // While a send is in flight, tasks gather for the next one (no wait added when the queue is idle).
            else if (inFlight === 0) scheduled ??= setImmediate(flush);
            else fallback ??= setTimeout(flush, 10);
          }),
      ),
    );
  };
}
