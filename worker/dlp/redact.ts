import type { Finding } from './types';

/**
 * The text with every finding replaced by its masked form: what may be stored and shown instead of the original.
 * Overlapping findings are merged so no raw character of either survives.
 * @example redactText('card 4111 1111 1111 1111 ok', findings) === 'card 4111 **** **** 1111 ok'
 */
export function redactText(text: string, findings: readonly Finding[]): string {
  const spans = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  for (const finding of spans) {
    if (finding.end <= cursor) continue;
    if (finding.start < cursor) {
      // Overlaps the previous replacement: hide the rest without repeating a mask.
      cursor = finding.end;
      continue;
    }
    out += text.slice(cursor, finding.start) + finding.maskedMatch;
    cursor = finding.end;
  }
  return out + text.slice(cursor);
}

/**
 * A short redacted excerpt around one finding (for file findings, where storing the whole document is too much).
 * Other findings inside the excerpt are masked too.
 */
export function redactedExcerpt(
  text: string,
  findings: readonly Finding[],
  focus: Finding,
  radius = 120,
): string {
  let from = Math.max(0, focus.start - radius);
  let to = Math.min(text.length, focus.end + radius);
  // Widen to whole findings so an excerpt never cuts a secret in half and shows part of it raw.
  for (const f of findings) {
    if (f.start < from && f.end > from) from = f.start;
    if (f.start < to && f.end > to) to = f.end;
  }
  const inside = findings
    .filter((f) => f.start >= from && f.end <= to)
    .map((f) => ({ ...f, start: f.start - from, end: f.end - from }));
  const body = redactText(text.slice(from, to), inside);
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}
