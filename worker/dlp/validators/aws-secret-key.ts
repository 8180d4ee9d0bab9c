import { looksLikePlaceholder, shannonEntropy } from '../placeholder';

/**
 * An AWS secret access key: 40 characters of base64 (`A–Z a–z 0–9 / +`). Real keys are random, so they mix
 * upper case, lower case and digits and carry well over 4 bits of entropy per character; a hex digest (a git
 * SHA-1 is also 40 characters) or a word-like string does not.
 * @example isAwsSecretKeyPlausible(randomBase64(40)) === true; isAwsSecretKeyPlausible('a'.repeat(40)) === false
 */
export function isAwsSecretKeyPlausible(value: string): boolean {
  if (!/^[A-Za-z0-9/+]{40}$/.test(value)) return false;
  if (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/\d/.test(value)) return false;
  if (looksLikePlaceholder(value) || looksLikeUrlPath(value)) return false;
  return shannonEntropy(value) >= 4.2;
}

/**
 * `s3/Interface/GetBucketAbacCommandInput/` is 40 characters of the same alphabet, cut from a documentation URL.
 * A random key rarely has two slashes, and never only words between them.
 */
function looksLikeUrlPath(value: string): boolean {
  const segments = value.split('/');
  if (segments.length < 3) return false;
  return segments.every((s) => s === '' || /^[A-Za-z][a-z]+(?:[A-Z][a-z]*)*$|^[a-z0-9]{1,4}$/.test(s));
}
