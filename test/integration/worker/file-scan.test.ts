import { fileSharedEvent, messageEvent } from '../../fakes/slack-events';
import { FakeSecrets } from '../../unit/detectors/fake-secrets';
import { docx, zip } from '../../unit/extract/build-files';
import { ADMIN_TOKEN, BOT_TOKEN, eventsOf, uniqueChannel, useSlackHarness } from './harness';

const harness = useSlackHarness();
const fake = new FakeSecrets(20251201);

beforeAll(() => {
  harness.current.startWorker({ worker: { fileLimits: { maxFileBytes: 200_000 } } });
});

beforeEach(() => harness.current.slack.reset());

function fileIdFor(channel: string): string {
  return `F${channel.slice(1)}`;
}

describe('a text file with a GitHub token', () => {
  it('is downloaded with the bot token, deleted with the admin token, and its author told', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    const fileId = fileIdFor(channel);
    const token = fake.checksummed('ghp_');
    slack.addFile({
      id: fileId,
      name: 'deploy.env',
      mimetype: 'text/plain',
      filetype: 'text',
      content: Buffer.from(`REGION=eu-west-1\nGITHUB_TOKEN=${token}\nDEBUG=false\n`),
      user: 'U0CAROL01',
      channels: [channel],
    });
    await harness.current.enqueue(fileSharedEvent({ fileId, channel, user: 'U0CAROL01' }));

    const [blocked] = await harness.current.waitFor('FileBlocked', (e) => e.data.fileId === fileId);
    expect(slack.callsOf('files.info')[0]!.token).toBe(BOT_TOKEN);
    expect(slack.callsOf('files.download')[0]!.token).toBe(BOT_TOKEN);
    expect(slack.callsOf('files.delete')[0]).toMatchObject({ token: ADMIN_TOKEN, params: { file: fileId } });
    const notice = slack.posted.find((m) => m.channel === channel);
    expect(notice?.text).toContain('A file from <@U0CAROL01> was blocked');
    expect(notice?.text).toContain('GitHub personal access token');
    expect(notice?.text).not.toContain(token);
    expect(slack.callsOf('chat.postEphemeral')[0]!.params).toMatchObject({ user: 'U0CAROL01', channel });
    expect(blocked!.data).toMatchObject({ channelId: channel, authorNotified: true, noticeTs: notice!.ts });

    const stream = await harness.current.store.readStream(`file:T0001:${fileId}`);
    const [scanned] = eventsOf(stream, 'FileScanned');
    expect(scanned!.data).toMatchObject({
      fileName: 'deploy.env',
      mimeType: 'text/plain',
      findingsCount: 1,
      channelId: channel,
      userId: 'U0CAROL01',
    });
    const [leak] = eventsOf(stream, 'LeakDetected');
    expect(leak!.data).toMatchObject({
      source: 'FILE',
      fileId,
      fileName: 'deploy.env',
      patternId: 'github-personal-access-token',
      location: { line: 2 },
    });
    expect(leak!.data.redactedContent).toContain('REGION=eu-west-1');
    expect(leak!.data.redactedContent).toContain(leak!.data.maskedMatch);
    expect(JSON.stringify(stream)).not.toContain(token);
  });
});

describe('a docx inside a zip', () => {
  it('is opened entry by entry, and the finding names the path inside the archive', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    const fileId = fileIdFor(channel);
    const token = fake.checksummed('ghp_');
    const archive = zip({
      'notes.txt': 'nothing to see here',
      'handover/report.docx': docx({
        body: ['Quarterly handover', `Use the bot token ${token} for the deploy`],
      }),
    });
    slack.addFile({
      id: fileId,
      name: 'handover.zip',
      mimetype: 'application/zip',
      filetype: 'zip',
      content: Buffer.from(archive),
      channels: [channel],
    });
    const parent = '1700000300.000100';
    await harness.current.enqueue(
      messageEvent({
        channel,
        subtype: 'file_share',
        threadTs: parent,
        text: 'here is the handover pack',
        files: [{ id: fileId, name: 'handover.zip' }],
      }),
    );
    const [blocked] = await harness.current.waitFor('FileBlocked', (e) => e.data.fileId === fileId);
    expect(blocked!.data).toMatchObject({ threadTs: parent });
    expect(slack.posted.find((m) => m.channel === channel)?.threadTs).toBe(parent);
    const [leak] = eventsOf(await harness.current.store.readStream(`file:T0001:${fileId}`), 'LeakDetected');
    expect(leak!.data.fileName).toBe('handover.zip!handover/report.docx');
    expect(leak!.data.patternId).toBe('github-personal-access-token');
    // The message's own text was scanned as a message, clean.
    const scanned = await harness.current.waitFor('MessageScanned', (e) => e.data.channelId === channel);
    expect(scanned[0]!.type === 'MessageScanned' && scanned[0]!.data.findingsCount).toBe(0);
  });
});

describe('a file over the size limit', () => {
  it('is recorded as scanned-but-skipped without being downloaded', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    const fileId = fileIdFor(channel);
    slack.addFile({
      id: fileId,
      name: 'dump.log',
      mimetype: 'text/plain',
      filetype: 'text',
      content: Buffer.alloc(300_000, 0x61),
      channels: [channel],
    });
    await harness.current.enqueue(fileSharedEvent({ fileId, channel }));
    const [scanned] = await harness.current.waitFor('FileScanned', (e) => e.data.fileId === fileId);
    expect(scanned!.type === 'FileScanned' && scanned!.data.skipped).toContain('over the 200000-byte limit');
    expect(slack.callsOf('files.download')).toHaveLength(0);
  });
});

describe('a file deleted before the worker got to it', () => {
  it('is recorded as a final ScanFailed at the download stage', async () => {
    const channel = uniqueChannel();
    const fileId = fileIdFor(channel);
    await harness.current.enqueue(fileSharedEvent({ fileId, channel }));
    const [failed] = await harness.current.waitFor('ScanFailed', (e) => e.data.fileId === fileId);
    expect(failed!.data).toMatchObject({
      stage: 'download',
      errorCode: 'file_not_found',
      final: true,
      source: 'FILE',
    });
  });
});

describe('a file Slack keeps failing to describe', () => {
  it('is retried with backoff, then dead-lettered with a final ScanFailed', async () => {
    const { slack } = harness.current;
    slack.serverErrorNext('files.info', 1_000);
    const channel = uniqueChannel();
    const fileId = fileIdFor(channel);
    await harness.current.enqueue(fileSharedEvent({ fileId, channel }));
    const [failed] = await harness.current.waitFor('ScanFailed', (e) => e.data.fileId === fileId);
    expect(failed!.data).toMatchObject({ stage: 'download', errorCode: 'http_500', final: true, attempt: 4 });
    slack.reset();
  }, 40_000);
});
