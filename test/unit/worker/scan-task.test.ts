import {
  decodeScanTask,
  encodeScanTask,
  MAX_TASK_BYTES,
  type MessageScanTask,
} from '../../../schema/tasks/scan-task';

const task: MessageScanTask = {
  v: 1,
  kind: 'message',
  eventId: 'Ev1',
  teamId: 'T1',
  receivedAt: 1,
  channelId: 'C1',
  ts: '1700000000.000100',
  edited: false,
  text: 'hello',
  attachments: [],
  blocks: '',
};

describe('a scan task on the queue', () => {
  it('reads back as written', () => {
    expect(decodeScanTask(encodeScanTask(task))).toEqual(task);
  });

  it('is cut to fit SQS when its extras are huge, keeping the text and saying so', () => {
    const big = {
      ...task,
      text: 'secret here',
      blocks: 'b'.repeat(300_000 / 2),
      attachments: ['a'.repeat(150_000)],
    };
    const body = encodeScanTask(big);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_TASK_BYTES);
    const back = decodeScanTask(body);
    expect(back).toMatchObject({ text: 'secret here', truncated: true });
  });

  it.each([
    ['not JSON', 'nope', 'not JSON'],
    ['an unknown version', '{"v":2}', 'unknown scan task version 2'],
    ['a v1 task missing fields', '{"v":1,"kind":"message"}', 'not a valid v1 scan task'],
  ])('is refused with a clear error when it is %s', (_name, body, message) => {
    expect(() => decodeScanTask(body)).toThrow(message);
  });
});
