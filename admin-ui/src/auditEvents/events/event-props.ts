import type { AuditEvent } from '../../graphql/types';

/** Every event view gets the event; `data` is the recorded payload (masked, never raw content). */
export interface EventProps {
  event: AuditEvent;
}

/** A payload field as text, or undefined when absent or not a string/number. */
export function field(event: AuditEvent, name: string): string | undefined {
  const value = event.data[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

export function flag(event: AuditEvent, name: string): boolean {
  return event.data[name] === true;
}

export function count(event: AuditEvent, name: string): number {
  const value = event.data[name];
  return Array.isArray(value) ? value.length : typeof value === 'number' ? value : 0;
}
