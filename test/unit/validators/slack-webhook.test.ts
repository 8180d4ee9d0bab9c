import { isSlackWebhookValid } from '../../../worker/dlp/validators/slack-webhook';
import { ALNUM, FakeSecrets, UPPER_ALNUM } from '../detectors/fake-secrets';

const fake = new FakeSecrets(13);
const base = ['https://hooks', 'slack', 'com/services'].join('.');
const url = (team: string, hook: string, secret: string): string => `${base}/${team}/${hook}/${secret}`;

// Shape from Slack's "Sending messages using incoming webhooks" documentation.
describe('a Slack incoming-webhook URL', () => {
  it('passes with a team id, a webhook id and a 24-character secret', () => {
    expect(
      isSlackWebhookValid(
        url(`T${fake.chars(UPPER_ALNUM, 8)}`, `B${fake.chars(UPPER_ALNUM, 10)}`, fake.chars(ALNUM, 24)),
      ),
    ).toBe(true);
  });

  it('fails for the documentation placeholder with X runs', () => {
    expect(isSlackWebhookValid(url('T00000000', 'B00000000', 'XXXXXXXXXXXXXXXXXXXXXXXX'))).toBe(false);
    expect(
      isSlackWebhookValid(
        url(`T${fake.chars(UPPER_ALNUM, 8)}`, `B${fake.chars(UPPER_ALNUM, 8)}`, 'XXXXXXXXXXXXXXXXXXXXXXXX'),
      ),
    ).toBe(false);
  });

  it('fails with a wrong host, path, id letter or secret length', () => {
    const team = `T${fake.chars(UPPER_ALNUM, 8)}`;
    const hook = `B${fake.chars(UPPER_ALNUM, 8)}`;
    const secret = fake.chars(ALNUM, 24);
    expect(isSlackWebhookValid(url(team, hook, secret).replace('hooks.', 'hookz.'))).toBe(false);
    expect(isSlackWebhookValid(url(team, hook, secret).replace('/services/', '/service/'))).toBe(false);
    expect(isSlackWebhookValid(url(`U${team.slice(1)}`, hook, secret))).toBe(false);
    expect(isSlackWebhookValid(url(team, hook, secret.slice(1)))).toBe(false);
    expect(isSlackWebhookValid(url(team, hook, secret).replace('https:', 'http:'))).toBe(false);
  });
});
