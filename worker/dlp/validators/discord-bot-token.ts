/**
 * A Discord bot token: `<base64 of the bot's user id>.<timestamp>.<HMAC>` (Discord developer docs,
 * "Authentication"). The first part must decode to a snowflake, 17 to 20 decimal digits.
 * @example isDiscordBotToken(`${Buffer.from('80351110224678912').toString('base64url')}.Gk3xXQ.${hmac}`) === true
 */
export function isDiscordBotToken(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const [id = '', timestamp = '', hmac = ''] = parts;
  if (!/^[A-Za-z0-9_-]{6}$/.test(timestamp) || !/^[A-Za-z0-9_-]{27,38}$/.test(hmac)) return false;
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return false;
  const decoded = Buffer.from(id, 'base64url').toString('latin1');
  return /^[1-9]\d{16,19}$/.test(decoded);
}
