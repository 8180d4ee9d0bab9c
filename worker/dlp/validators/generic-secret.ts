/**
 * Prefixes of tokens that have their own, more precise detector: a generic `api_key = …` match on one of them
 * would report the same secret twice under a vaguer name.
 */
const VENDOR_PREFIXES =
  /^(?:gh[pousr]_|github_pat_|glpat-|gl[a-z]{1,6}-|xox[abposer]-|xapp-|sk_live_|rk_live_|sk_test_|pk_(?:live|test)_|sk-ant-|sk-proj-|sk-svcacct-|sk-admin-|npm_|pypi-|AKIA|ASIA|AIza|GOCSPX-|ya29\.|SG\.|hf_|dckr_|dop_v1_|doo_v1_|dor_v1_|hvs\.|hvb\.|shp(?:at|ss|ca|pa)_|sq0[a-z]{3}-|EAAA|lin_api_|PMAK-|NRAK-|glsa_|dapi|pul-|sntry[us]_|HRKU-|ATATT|key-|eyJ)/;

/**
 * The value of an `api_key = …` / `client_secret: …` assignment that looks machine-generated: letters and
 * digits mixed, no spaces, not a reference (`process.env.X`, `${X}`, a URL or a path), and not a token that
 * a vendor-specific detector reports better.
 * @example isGenericSecret('9fQ2xLk7Rt0vWz3eHb6N') === true; isGenericSecret('settings.apiKey') === false
 */
export function isGenericSecret(value: string): boolean {
  if (value.length < 16 || value.length > 256) return false;
  if (!/^[A-Za-z0-9_\-+/=.~]+$/.test(value)) return false;
  if (!/[A-Za-z]/.test(value) || !/\d/.test(value)) return false;
  if (VENDOR_PREFIXES.test(value)) return false;
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value)) return false;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value)) return false;
  if (/^\/|^\.{1,2}\//.test(value)) return false;
  // Identifiers with a version or index (`my-service-v2-config`, `user_profile_2`) are words, not keys.
  const parts = value.split(/[-_.]/);
  return !parts.every((p) => /^[A-Za-z]*$/.test(p) || p.length <= 3);
}
