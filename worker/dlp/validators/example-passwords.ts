/**
 * Passwords that appear in documentation, tutorials and default configurations far more often than in anyone's
 * real account: a dictionary word people use as an example, optionally with a few digits or a `!`.
 */
const EXAMPLE_PASSWORD =
  /^(?:secret|s3cr3t|passw(?:or|0r)?d|p[a@]ss(?:w[o0]rd)?|pwd|admin|root|toor|test|user|demo|guest|changeme|letmein|qwerty|welcome|default|abc|foo|bar|foobar|hunter|mypass(?:word)?|supersecret|topsecret)\d{0,4}[!.]?$/i;

/** @example isExamplePassword('secret123') === true; isExamplePassword('Tr0ub4dor&3') === false */
export function isExamplePassword(value: string): boolean {
  return EXAMPLE_PASSWORD.test(value);
}
