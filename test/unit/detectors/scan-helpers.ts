import { builtinDetectors } from '../../../worker/dlp/detectors';
import { compileScanner } from '../../../worker/dlp/scanner';
import type { Finding } from '../../../worker/dlp/types';

const scanner = compileScanner(builtinDetectors);

export function scan(text: string): Finding[] {
  return scanner.scan(text);
}

/** The middle half of a secret: what a mask must never show. */
export function middleOf(secret: string): string {
  const quarter = Math.floor(secret.length / 4);
  return secret.slice(quarter, secret.length - quarter);
}

/**
 * Asserts that `text` yields exactly one finding from detector `id`, that it spans `secret`, and that the masked
 * form shows neither the secret nor `hidden` (by default the secret's middle half).
 */
export function expectOneFinding(
  text: string,
  id: string,
  secret: string,
  hidden = middleOf(secret),
): Finding {
  const mine = scan(text).filter((f) => f.patternId === id);
  expect(mine.map((f) => text.slice(f.start, f.end))).toEqual([secret]);
  const finding = mine[0] as Finding;
  expect(finding.maskedMatch).not.toBe(secret);
  expect(finding.maskedMatch).not.toContain(hidden);
  return finding;
}

/** Asserts that detector `id` reports nothing in `text`. */
export function expectNoFinding(text: string, id: string): void {
  expect(
    scan(text)
      .filter((f) => f.patternId === id)
      .map((f) => text.slice(f.start, f.end)),
  ).toEqual([]);
}

/** The ids of every detector that reports something in `text`. */
export function idsIn(text: string): string[] {
  return scan(text).map((f) => f.patternId);
}
