import type { Detection } from '../graphql/types';

/** The exported columns: masked and descriptive fields only (never revealed content). */
const COLUMNS: (keyof Detection)[] = [
  'id',
  'detectedAt',
  'severity',
  'patternName',
  'patternVersion',
  'maskedMatch',
  'source',
  'channelId',
  'userId',
  'fileName',
  'action',
  'outcome',
  'outcomeError',
  'confidence',
  'redactedContent',
];

/**
 * One CSV cell: quoted when needed, and a leading =, +, - or @ neutralised so a spreadsheet never runs a cell
 * as a formula (masked content comes from Slack users).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function detectionsCsv(records: Detection[]): string {
  const lines = [COLUMNS.join(',')];
  for (const record of records) lines.push(COLUMNS.map((c) => csvCell(record[c])).join(','));
  return lines.join('\r\n');
}
