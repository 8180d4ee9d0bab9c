import { instant } from '../../../admin-ui/src/data/filters';
import { toPatternInput } from '../../../admin-ui/src/data/pattern-input';
import { csvCell, detectionsCsv } from '../../../admin-ui/src/detections/detection-csv';
import { fieldErrors } from '../../../admin-ui/src/graphql/field-errors';
import type { Detection } from '../../../admin-ui/src/graphql/types';

describe('the pattern form sent to the API', () => {
  it('leaves blank optional fields out, since an update replaces the whole definition', () => {
    expect(
      toPatternInput({
        name: ' Ticket ',
        regex: 'TCK-\\d+',
        description: '',
        secretGroup: '',
        validator: null,
        minEntropy: '',
        severity: 'LOW',
        action: 'LOG',
        context: { words: [], window: 80 },
        allowlist: { values: [], regexes: [] },
        channelScope: { include: [], exclude: [] },
        flags: { caseInsensitive: true },
      }),
    ).toEqual({
      name: 'Ticket',
      regex: 'TCK-\\d+',
      severity: 'LOW',
      action: 'LOG',
      flags: { caseInsensitive: true, multiline: false, dotAll: false },
      rejectPlaceholders: true,
    });
  });

  it('keeps context words with their window, the allowlist and the channel scope when given', () => {
    const input = toPatternInput({
      name: 'Key',
      regex: 'k-[a-z]+',
      severity: 'HIGH',
      action: 'BLOCK',
      minEntropy: '3.5',
      context: { words: ['key', ''], window: '40', required: true },
      allowlist: { values: ['k-example'] },
      channelScope: { exclude: ['C0RANDOM'] },
      enabled: false,
    });
    expect(input).toMatchObject({
      minEntropy: 3.5,
      enabled: false,
      context: { words: ['key'], window: 40, required: true },
      allowlist: { values: ['k-example'], regexes: [] },
      channelScope: { include: [], exclude: ['C0RANDOM'] },
    });
  });
});

describe('field errors from the API', () => {
  it('are keyed by form path without the input prefix, so react-admin shows them at the inputs', () => {
    expect(
      fieldErrors([
        { field: ['input', 'regex'], message: 'missing )' },
        { field: ['input', 'context', 'window'], message: 'too large' },
        { field: [], message: 'conflict' },
      ]),
    ).toEqual({ regex: 'missing )', 'context.window': 'too large', 'root.serverError': 'conflict' });
  });
});

describe('a date filter', () => {
  it('covers the whole of the last day chosen', () => {
    const start = new Date(instant('2026-01-31', 'start') ?? '');
    const end = new Date(instant('2026-01-31', 'end') ?? '');
    expect(end.getTime() - start.getTime()).toBe(24 * 3600 * 1000 - 1);
    expect(instant('not a date', 'start')).toBeUndefined();
  });
});

describe('the detections CSV export', () => {
  it('quotes cells that need it and never lets a cell start a spreadsheet formula', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(null)).toBe('');
  });

  it('has one header line and one line per detection, with the masked match', () => {
    const detection = { id: 'd1', maskedMatch: '4111 **** **** 1111', severity: 'HIGH' } as Detection;
    const [header, row] = detectionsCsv([detection]).split('\r\n');
    expect(header?.split(',')).toContain('maskedMatch');
    expect(row).toContain('4111 **** **** 1111');
  });
});
