import { isDiscordBotToken } from '../../../worker/dlp/validators/discord-bot-token';
import { BASE64URL, FakeSecrets } from '../detectors/fake-secrets';

const fake = new FakeSecrets(31);
const id = (snowflake: string): string => Buffer.from(snowflake).toString('base64url');

describe('a Discord bot token', () => {
  it('passes when the first part is the base64 of a snowflake user id', () => {
    const token = `${id(`8${fake.digits(17)}`)}.${fake.chars(BASE64URL, 6)}.${fake.chars(BASE64URL, 38)}`;
    expect(isDiscordBotToken(token)).toBe(true);
  });

  it('fails when the first part decodes to something else', () => {
    expect(
      isDiscordBotToken(
        `${id('not-a-snowflake!!')}.${fake.chars(BASE64URL, 6)}.${fake.chars(BASE64URL, 38)}`,
      ),
    ).toBe(false);
    expect(isDiscordBotToken(`${id('1234')}.${fake.chars(BASE64URL, 6)}.${fake.chars(BASE64URL, 38)}`)).toBe(
      false,
    );
  });

  it('fails with the wrong number or size of parts', () => {
    const first = id(`8${fake.digits(17)}`);
    expect(isDiscordBotToken(`${first}.${fake.chars(BASE64URL, 6)}`)).toBe(false);
    expect(isDiscordBotToken(`${first}.${fake.chars(BASE64URL, 5)}.${fake.chars(BASE64URL, 38)}`)).toBe(
      false,
    );
    expect(isDiscordBotToken(`${first}.${fake.chars(BASE64URL, 6)}.${fake.chars(BASE64URL, 20)}`)).toBe(
      false,
    );
  });
});
