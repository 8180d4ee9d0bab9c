import { redactedExcerpt, redactText } from '../../../worker/dlp/redact';
import { compileScanner } from '../../../worker/dlp/scanner';
import type { PatternDefinition } from '../../../worker/dlp/types';

const digits: PatternDefinition = {
  id: 'digits',
  name: 'Digits',
  regex: '\\b\\d{4} \\d{4} \\d{4} \\d{4}\\b',
  severity: 'HIGH',
  action: 'REDACT',
  mask: 'card',
};

describe('redacted content', () => {
  it('replaces every finding with its masked form and keeps the rest', () => {
    const text = 'pay 1234 5678 9012 3456 and 9999 8888 7777 6666 now';
    const findings = compileScanner([digits]).scan(text);
    expect(redactText(text, findings)).toBe('pay 1234 **** **** 3456 and 9999 **** **** 6666 now');
  });

  it('cuts an excerpt around one finding without exposing a neighbour cut in half', () => {
    const text = `${'a'.repeat(50)} 1234 5678 9012 3456 ${'b'.repeat(10)} 9999 8888 7777 6666 ${'c'.repeat(50)}`;
    const findings = compileScanner([digits]).scan(text);
    const excerpt = redactedExcerpt(text, findings, findings[0]!, 25);
    expect(excerpt).toContain('1234 **** **** 3456');
    expect(excerpt).toContain('9999 **** **** 6666');
    expect(excerpt).not.toMatch(/8888|5678/);
    expect(excerpt.startsWith('…')).toBe(true);
  });
});
