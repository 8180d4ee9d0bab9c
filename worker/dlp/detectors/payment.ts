import type { PatternDefinition } from '../types';
import { builtin } from './shapes';

/**
 * A card number after a brand's prefix: the remaining digits either run together or are grouped 4-4-4-4 with
 * one kind of separator throughout (RE2 has no backreferences, so each separator is its own alternative).
 */
function grouped16(prefix4: string): string {
  return `${prefix4}(?:\\d{12}|(?: \\d{4}){3}|(?:-\\d{4}){3})`;
}

const CARD_CONTEXT = {
  words: [
    'card',
    'visa',
    'mastercard',
    'amex',
    'credit',
    'debit',
    'cc#',
    'payment',
    'expir',
    'cvv',
    'cvc',
    'pan',
  ],
};

function card(id: string, name: string, brand: string, digits: string): PatternDefinition {
  return builtin('payment', {
    id,
    name,
    description: `A ${brand} payment card number (PAN) that passes the Luhn check; shown with the middle digits masked.`,
    regex: `\\b(?:${digits})\\b`,
    validator: 'luhn',
    context: CARD_CONTEXT,
    severity: 'HIGH',
    action: 'BLOCK',
    mask: 'card',
  });
}

// Brand prefixes and lengths: ISO/IEC 7812 IIN ranges as published by each network (Visa, Mastercard 2-series
// since 2017, Amex, Discover Global Network incl. Diners Club International, JCB, UnionPay).
export const paymentDetectors: readonly PatternDefinition[] = [
  card(
    'card-visa',
    'Visa card number',
    'Visa',
    `4\\d{12}(?:\\d{3}){0,2}|4\\d{3}(?: \\d{4}){3}|4\\d{3}(?:-\\d{4}){3}`,
  ),
  card(
    'card-mastercard',
    'Mastercard card number',
    'Mastercard (51–55 and 2221–2720)',
    grouped16('(?:5[1-5]\\d{2}|222[1-9]|22[3-9]\\d|2[3-6]\\d{2}|27[01]\\d|2720)'),
  ),
  card(
    'card-amex',
    'American Express card number',
    'American Express',
    `3[47]\\d{2}(?:\\d{11}| \\d{6} \\d{5}|-\\d{6}-\\d{5})`,
  ),
  card('card-discover', 'Discover card number', 'Discover', grouped16('(?:6011|64[4-9]\\d|65\\d{2})')),
  card(
    'card-diners',
    'Diners Club card number',
    'Diners Club International (14 digits)',
    `(?:30[0-5]\\d|3095|36\\d{2}|3[89]\\d{2})(?:\\d{10}| \\d{6} \\d{4}|-\\d{6}-\\d{4})`,
  ),
  card('card-jcb', 'JCB card number', 'JCB', grouped16('35(?:2[89]|[3-8]\\d)')),
  card(
    'card-unionpay',
    'UnionPay card number',
    'UnionPay (16 to 19 digits)',
    `62\\d{2}(?:\\d{12,15}|(?: \\d{4}){3}|(?:-\\d{4}){3})`,
  ),
  builtin('payment', {
    id: 'iban',
    name: 'International bank account number (IBAN)',
    description:
      "An IBAN with its country's registered length and valid mod-97 check digits, written solid or in groups of four.",
    regex: '\\b(?P<secret>[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)\\b',
    secretGroup: 'secret',
    validator: 'iban',
    context: { words: ['iban', 'bank', 'account', 'transfer', 'wire', 'sepa', 'bic', 'swift'] },
    severity: 'HIGH',
    action: 'REDACT',
    keepPrefix: 4,
  }),
  builtin('payment', {
    id: 'us-bank-routing-number',
    name: 'US bank routing number (ABA)',
    description:
      'A nine-digit ABA routing transit number with a valid 3-7-1 checksum, reported only when the words routing, ABA or RTN are near.',
    regex: '\\b(?P<secret>\\d{9})\\b',
    secretGroup: 'secret',
    validator: 'aba-routing',
    // Context words are matched as substrings, so short words carry punctuation: "rtn" alone is inside "partner".
    context: {
      words: [
        'routing',
        'aba number',
        'aba no',
        'aba#',
        'aba #',
        'aba:',
        'aba routing',
        'rtn:',
        'rtn#',
        'rtn ',
        ' rtn',
        'transit number',
      ],
      window: 60,
      required: true,
    },
    severity: 'MEDIUM',
    action: 'ALERT',
  }),
];
