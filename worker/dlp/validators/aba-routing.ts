/**
 * ABA routing transit number check (American Bankers Association, "Routing Number Policy"): weights 3, 7, 1
 * repeated over the nine digits, the weighted sum divisible by 10. The first two digits name a Federal Reserve
 * district (00–12), a thrift (21–32), an electronic-only number (61–72) or traveller's cheques (80).
 * @example isAbaRoutingValid('021000021') === true
 */
export function isAbaRoutingValid(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  if (/^(\d)\1{8}$/.test(value)) return false;
  const prefix = Number(value.slice(0, 2));
  const knownPrefix =
    prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  if (!knownPrefix) return false;
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += (value.charCodeAt(i) - 48) * (weights[i] ?? 0);
  return sum % 10 === 0;
}
