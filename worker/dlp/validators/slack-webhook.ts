import { looksLikePlaceholder } from '../placeholder';

/**
 * An incoming-webhook URL as Slack issues it (api.slack.com/messaging/webhooks):
 * `https://hooks.slack.com/services/T<team>/B<webhook>/<24 random letters and digits>`.
 * @example isSlackWebhookValid(`https://hooks.slack.com/services/T0ABC1234/B0DEF5678/${secret24}`) === true
 */
export function isSlackWebhookValid(url: string): boolean {
  const m =
    /^https:\/\/hooks\.slack\.com\/services\/(T[A-Z0-9]{8,12})\/(B[A-Z0-9]{8,12})\/([A-Za-z0-9]{24})$/.exec(
      url,
    );
  if (!m) return false;
  const secret = m[3] ?? '';
  // Issued secrets mix cases and digits; `XXXXXXXXXXXXXXXXXXXXXXXX` and friends are documentation.
  if (looksLikePlaceholder(secret) || looksLikePlaceholder(m[1] ?? '') || looksLikePlaceholder(m[2] ?? '')) {
    return false;
  }
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret);
}
