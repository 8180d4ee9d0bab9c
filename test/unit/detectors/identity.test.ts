import { expectNoFinding, expectOneFinding, idsIn } from './scan-helpers';

describe('a message with a US Social Security number', () => {
  it('is reported when written with dashes, with all but the last four digits masked', () => {
    const f = expectOneFinding('my SSN is 536-22-1478 thanks', 'us-ssn', '536-22-1478');
    expect(f.maskedMatch).toBe('***-**-1478');
    expect(f).toMatchObject({ severity: 'HIGH', action: 'BLOCK' });
  });

  it('is reported without context too, at a lower confidence', () => {
    const near = expectOneFinding('SSN: 536-22-1478', 'us-ssn', '536-22-1478');
    const bare = expectOneFinding('value 536-22-1478', 'us-ssn', '536-22-1478');
    expect(bare.confidence).toBeLessThan(near.confidence);
  });

  it.each([
    '000-22-1478',
    '666-22-1478',
    '912-22-1478',
    '536-00-1478',
    '536-22-0000',
    '078-05-1120',
    '219-09-9999',
  ])('is not reported for the invalid or advertised number %s', (ssn) => {
    expect(idsIn(`SSN: ${ssn}`)).toEqual([]);
  });

  it('as nine bare digits is reported only next to the words SSN or social security', () => {
    expectOneFinding('SSN 536221478', 'us-ssn-unformatted', '536221478');
    expectOneFinding('Social Security Number: 536 22 1478', 'us-ssn-unformatted', '536 22 1478');
    expectNoFinding('invoice 536221478 paid', 'us-ssn-unformatted');
    expectNoFinding('the classname 536221478', 'us-ssn-unformatted');
  });

  it('is not reported inside a longer number or a date-like string', () => {
    expectNoFinding('ref 1536-22-1478', 'us-ssn');
    expectNoFinding('2024-01-15', 'us-ssn');
  });
});

describe('a message with an email address', () => {
  it('is logged at low severity with the local part masked', () => {
    const f = expectOneFinding(
      'write to ada.lovelace@analytical.engine.dev today',
      'email-address',
      'ada.lovelace@analytical.engine.dev',
      'lovelace@',
    );
    expect(f).toMatchObject({ severity: 'LOW', action: 'LOG' });
    expect(f.maskedMatch).toMatch(/^a\*+@analytical\.engine\.dev$/);
  });

  it("is reported once in Slack's mailto link form", () => {
    const text = 'ping <mailto:ada@lovelace.dev|ada@lovelace.dev>';
    expect(idsIn(text)).toEqual(['email-address']);
  });

  it('is reported after a colon that is not mailto', () => {
    expectOneFinding('email:ada@lovelace.dev', 'email-address', 'ada@lovelace.dev', 'da@');
  });

  it.each([
    'someone@example.com',
    'qa@host.test',
    'logo@2x.png',
    'git@github.com:org/repo.git',
    'ada@localhost',
  ])('is not reported for %s', (text) => {
    expectNoFinding(text, 'email-address');
  });
});

describe('a message with a phone number', () => {
  it.each([
    '+44 20 7946 0958',
    '+1 (415) 555-0132',
    '(415) 555-0132',
    '415-555-0132',
    '415.555.0132',
    '+491701234567',
  ])('%s is logged', (phone) => {
    const f = expectOneFinding(`call me on ${phone} tomorrow`, 'phone-number', phone);
    expect(f).toMatchObject({ severity: 'LOW', action: 'LOG' });
  });

  it.each([
    'v1.2.3',
    '+1 111 111 1111',
    '555-0132',
    '123-456-7890',
    '2024-05-1234',
    '10.0.0.1',
    '4155550132',
  ])('%s is not a phone number', (text) => {
    expectNoFinding(`see ${text} here`, 'phone-number');
  });
});

describe('a message with a UK National Insurance number', () => {
  it('is redacted next to the words National Insurance', () => {
    const f = expectOneFinding(
      'National Insurance number AB 36 21 48 C',
      'uk-national-insurance-number',
      'AB 36 21 48 C',
    );
    expect(f.action).toBe('REDACT');
    expectOneFinding('NINO: JT731904D', 'uk-national-insurance-number', 'JT731904D');
  });

  it('is not reported without those words, or with a prefix HMRC never allocates', () => {
    expectNoFinding('order AB362148C shipped', 'uk-national-insurance-number');
    expectNoFinding('NINO: QQ362148C', 'uk-national-insurance-number');
    expectNoFinding('NINO: GB362148C', 'uk-national-insurance-number');
  });
});
