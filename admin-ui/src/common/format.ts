/** `#C0123` for a channel id, or a dash. Names are not known to LeakShield (it stores ids only). */
export const channelLabel = (id: string | null | undefined): string => (id ? `#${id}` : '—');

export const userLabel = (id: string | null | undefined): string => (id ? `@${id}` : '—');

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 minutes ago" for recent instants (relative to `now`). */
export function ago(iso: string, now: Date = new Date()): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second')
      return relative.format(Math.round(seconds / size), unit);
  }
  return iso;
}

export const dateTime = (iso: string | null | undefined): string =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }) : '—';

/**
 * "api_key:<id>" → "API key <id prefix>", "slack_user:U1" → "@U1", "system" → "LeakShield".
 */
export function actorLabel(actor: string): string {
  const [kind, id = ''] = actor.split(':', 2);
  if (kind === 'system') return 'LeakShield';
  if (kind === 'api_key') return id === 'bootstrap' ? 'Bootstrap admin key' : `API key ${id.slice(0, 8)}`;
  if (kind === 'slack_user') return `@${id}`;
  return actor;
}
