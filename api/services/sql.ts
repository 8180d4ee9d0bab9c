/**
 * Collects positional parameters while a query is assembled, so conditions can be added in any order.
 * @example const p = new SqlParams(); const where = `channel_id = ${p.add('C1')}`; await c.query(sql, p.values);
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `%term%` for ILIKE, with the user's own `%`, `_` and `\` matched literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** node-postgres gives timestamptz as Date (or a string under some type parsers): always a Date here. */
export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

export function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}
