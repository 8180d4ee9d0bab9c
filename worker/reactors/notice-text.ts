/**
 * What people read in Slack. Notices name the kind of data (the pattern's name) and never the data; the private
 * note to the author shows the masked match so they can tell which part was caught.
 */

/** The kinds of data found, by pattern name, deduplicated: `a Visa card number and a GitHub token`. */
export function kindsOf(patternNames: readonly string[]): string {
  const names = [...new Set(patternNames.map((name) => name.trim()).filter((name) => name !== ''))];
  if (names.length === 0) return 'sensitive data';
  const shown = names.slice(0, 4);
  const rest = names.length - shown.length;
  const list = rest > 0 ? [...shown, `${rest} more kind${rest > 1 ? 's' : ''} of sensitive data`] : shown;
  return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]!}`;
}

/** Posted by the bot where the message was (same channel, same thread). */
export function blockedNotice(userId: string | undefined, kinds: string, what: 'message' | 'file'): string {
  const who = userId ? `<@${userId}>` : 'someone';
  return (
    `:shield: A ${what} from ${who} was blocked because it contained ${kinds}. ` +
    `It has been removed to keep that data safe${userId ? `, and ${who} has been told privately why` : ''}.`
  );
}

/** Sent to the author alone (ephemeral, or a DM). */
export function authorNote(options: {
  channelId: string | undefined;
  kinds: string;
  maskedMatches: readonly string[];
  what: 'message' | 'file';
  fileName?: string;
}): string {
  const where = options.channelId ? ` in <#${options.channelId}>` : '';
  const thing =
    options.what === 'file' ? `file${options.fileName ? ` _${escape(options.fileName)}_` : ''}` : 'message';
  const masked = [...new Set(options.maskedMatches)].slice(0, 5).map((m) => `\`${escape(m)}\``);
  return [
    `Hi! Your ${thing}${where} was removed because it contained ${options.kinds}` +
      (masked.length > 0 ? ` (${masked.join(', ')})` : '') +
      '.',
    'If that was a real password, key or token, please rotate it now: once posted, it may already have been copied.',
    'To share something sensitive, use your team’s password manager or secrets vault instead of Slack. ' +
      'If you think this was a mistake, your workspace admins can review it.',
  ].join('\n');
}

/** The masked copy posted in place of a redacted message, credited to its author. */
export function redactedRepost(userId: string | undefined, redacted: string): string {
  const who = userId ? `<@${userId}>` : 'Someone';
  const quoted = redacted
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  return `${who} wrote (sensitive data masked by LeakShield):\n${quoted}`;
}

/** Posted to the admin channel for an ALERT policy. */
export function adminAlert(options: {
  userId: string | undefined;
  channelId: string | undefined;
  kinds: string;
  permalink: string | undefined;
  what: 'message' | 'file';
}): string {
  const who = options.userId ? `<@${options.userId}>` : 'someone';
  const where = options.channelId ? ` in <#${options.channelId}>` : '';
  const link = options.permalink ? ` <${options.permalink}|View the ${options.what}>.` : '';
  return `:rotating_light: LeakShield found ${options.kinds} in a ${options.what} from ${who}${where}. It was left in place (alert policy).${link}`;
}

/** Slack mrkdwn control characters, so a file name cannot break the formatting. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/`/g, "'");
}
