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
