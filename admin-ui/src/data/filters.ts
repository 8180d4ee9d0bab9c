import type { SortPayload } from 'react-admin';

/** Empty strings and empty arrays mean "no filter" in a react-admin form; the API wants them left out. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function list<T extends string>(value: unknown): T[] | undefined {
  if (Array.isArray(value)) return value.length > 0 ? (value as T[]) : undefined;
  if (typeof value === 'string' && value !== '') return [value as T];
  return undefined;
}

export function bool(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

/**
 * A date input's value as an instant: a bare day (`2026-01-31`) is the start of that local day, or its end for
 * the upper bound, so "to 31 January" includes the 31st.
 */
export function instant(value: unknown, edge: 'start' | 'end'): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(day ? `${value}T00:00:00` : value);
  if (Number.isNaN(date.getTime())) return undefined;
  if (day && edge === 'end') {
    date.setDate(date.getDate() + 1);
    return new Date(date.getTime() - 1).toISOString();
  }
  return date.toISOString();
}

export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function descending(sort: SortPayload | undefined): boolean {
  return (sort?.order ?? 'DESC').toUpperCase() === 'DESC';
}
