import { authorNote, blockedNotice, kindsOf, redactedRepost } from '../../../worker/reactors/notice-text';

describe('the words people read in Slack', () => {
  it('name the kinds of data found, once each', () => {
    expect(kindsOf(['Visa card number'])).toBe('Visa card number');
    expect(kindsOf(['Visa card number', 'GitHub token', 'Visa card number'])).toBe(
      'Visa card number and GitHub token',
    );
    expect(kindsOf(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('a, b, c, d and 2 more kinds of sensitive data');
    expect(kindsOf([])).toBe('sensitive data');
  });

  it('the channel notice says who and what kind, politely, and holds no data', () => {
    expect(blockedNotice('U1', 'Visa card number', 'message')).toBe(
      ':shield: A message from <@U1> was blocked because it contained Visa card number. ' +
        'It has been removed to keep that data safe, and <@U1> has been told privately why.',
    );
  });

  it('the private note shows the masked match and what to do next', () => {
    const note = authorNote({
      channelId: 'C1',
      kinds: 'Visa card number',
      maskedMatches: ['4111 **** **** 1111', '4111 **** **** 1111'],
      what: 'message',
    });
    expect(note).toContain(
      'Your message in <#C1> was removed because it contained Visa card number (`4111 **** **** 1111`).',
    );
    expect(note).toContain('rotate it now');
  });

  it('the redacted copy quotes every line and credits the author', () => {
    expect(redactedRepost('U2', 'line one\nline ****')).toBe(
      '<@U2> wrote (sensitive data masked by LeakShield):\n> line one\n> line ****',
    );
  });
});
