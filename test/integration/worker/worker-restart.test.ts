import { messageEvent } from '../../fakes/slack-events';
import { uniqueChannel, useSlackHarness } from './harness';
import { startIngress, type RunningIngress } from './ingress-harness';

const harness = useSlackHarness();
let ingress: RunningIngress;

beforeAll(async () => {
  ingress = await startIngress(harness.current);
});
afterAll(() => ingress?.close());

describe('a worker killed mid-task, and a new one started', () => {
  it('finishes the block with nothing lost and nothing doubled', async () => {
    const { slack } = harness.current;
    let release: () => void = () => undefined;
    slack.holdNext('chat.postEphemeral', new Promise<void>((resolve) => (release = resolve)));
    const first = await harness.current.startKillableWorker();
    try {
      const channel = uniqueChannel();
      expect((await ingress.post(messageEvent({ channel, text: 'card 4111 1111 1111 1111' }))).status).toBe(
        200,
      );
      // Killed while telling the author: the delete and the notice are done, the private note is in the air.
      await slack.waitFor('chat.postEphemeral');
      await first.kill();

      const second = harness.current.startWorker();
      const [blocked] = await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
      await harness.current.waitForQueueEmpty();
      await second.stop();

      expect(slack.callsOf('chat.delete')).toHaveLength(1);
      expect(slack.posted.filter((m) => m.channel === channel)).toHaveLength(1);
      // An ephemeral note cannot be looked up afterwards: it is never sent twice, and the log says it is unsure.
      expect(slack.callsOf('chat.postEphemeral')).toHaveLength(1);
      expect(blocked!.type === 'MessageBlocked' && blocked!.data.authorNotified).toBe(false);
      const types = (await harness.current.events())
        .filter((e) => 'channelId' in e.data && e.data.channelId === channel)
        .map((e) => e.type);
      expect(types).toEqual(['MessageScanned', 'LeakDetected', 'MessageBlocked']);
    } finally {
      release();
    }
  });
});
