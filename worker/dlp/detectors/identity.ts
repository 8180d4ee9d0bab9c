import type { PatternDefinition } from '../types';
import { builtin } from './shapes';

// Context words are matched as substrings of the nearby text, so short ones carry punctuation or a space:
// "ssn" alone is inside "classname".
const SSN_WORDS = [
  'ssn:',
  'ssn ',
  'ssn#',
  'ssn=',
  'ssn\n',
  '(ssn',
  ' ssn',
  '"ssn',
  'social security',
  'soc sec',
  'ss#',
];

export const identityDetectors: readonly PatternDefinition[] = [
  builtin('identity', {
    id: 'us-ssn',
    name: 'US Social Security number',
    description:
      'A US Social Security number written 123-45-6789 that follows SSA rules (no area 000, 666 or 9xx, no zero group or serial, no advertised numbers).',
    regex: '\\b(?P<secret>\\d{3}-\\d{2}-\\d{4})\\b',
    secretGroup: 'secret',
    validator: 'us-ssn',
    context: { words: [...SSN_WORDS, 'social', 'taxpayer'] },
    severity: 'HIGH',
    action: 'BLOCK',
    mask: 'ssn',
  }),
  builtin('identity', {
    id: 'us-ssn-unformatted',
    name: 'US Social Security number (unformatted)',
    description:
      'Nine bare digits, or three groups separated by spaces, that follow SSA rules, reported only next to the words SSN or social security.',
    regex: '\\b(?P<secret>\\d{9}|\\d{3} \\d{2} \\d{4})\\b',
    secretGroup: 'secret',
    validator: 'us-ssn',
    context: { words: SSN_WORDS, window: 60, required: true },
    severity: 'HIGH',
    action: 'BLOCK',
    mask: 'ssn',
  }),
  builtin('identity', {
    id: 'email-address',
    name: 'Email address',
    description:
      'An email address with a real top-level domain; documentation domains (example.com, .test) and file names such as logo@2x.png are not reported.',
    // Not after "mailto:", so Slack's `<mailto:a@b.co|a@b.co>` is reported once. The local part is bounded
    // (RFC 5321 allows 64 characters) so the engine searches only around each "@" instead of whole segments.
    regex:
      '(?:^|[^A-Za-z0-9._%+:/-]|[^o]:)(?P<secret>[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,8}[A-Za-z]{2,24})\\b',
    secretGroup: 'secret',
    validator: 'email',
    severity: 'LOW',
    action: 'LOG',
    mask: 'email',
  }),
  builtin('identity', {
    id: 'phone-number',
    name: 'Phone number',
    description:
      'A phone number in international form (+44 20 7946 0958) or North American form ((415) 555-0132, 415-555-0132) with 10 to 15 digits.',
    regex:
      '(?:^|[^\\w+(.-])(?P<secret>\\+[1-9]\\d{0,2}[ .-]?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{1,4}(?:[ .-]?\\d{2,4}){1,4}|(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[-.])[2-9]\\d{2}[-.]\\d{4})\\b',
    secretGroup: 'secret',
    validator: 'phone',
    context: { words: ['phone', 'tel', 'mobile', 'cell', 'call', 'whatsapp', 'sms', 'fax', 'contact'] },
    severity: 'LOW',
    action: 'LOG',
  }),
  builtin('identity', {
    id: 'uk-national-insurance-number',
    name: 'UK National Insurance number',
    description:
      'A UK National Insurance number (two letters, six digits, A–D) with an allocated prefix, reported next to the words National Insurance or NINO.',
    regex: '\\b(?P<secret>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D])\\b',
    secretGroup: 'secret',
    validator: 'uk-nino',
    context: {
      words: ['national insurance', 'nino', 'ni number', 'ni no', 'ni#', 'nin:'],
      window: 60,
      required: true,
    },
    severity: 'HIGH',
    action: 'REDACT',
  }),
];
