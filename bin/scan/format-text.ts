import { SEVERITIES, type Severity } from '../../worker/dlp/types';
import { formatBytes } from './progress';
import type { ReportError, ScanReport } from './scan-report';

/**
 * The human output on stdout: one line per finding, `path:line:col  SEVERITY  name  masked`, then a summary.
 * @example
 * src/config.ts:12:9  HIGH  Visa card number  4111 **** **** 1111
 * 1 finding (1 HIGH) in 3 files, 2.1 KB, 14 ms.
 */
export function formatText(report: ScanReport): string {
  const lines = report.findings.map((f) => {
    const where = f.line === null ? printable(f.path) : `${printable(f.path)}:${f.line}:${f.column ?? 1}`;
    return `${where}  ${f.severity}  ${printable(f.name)}  ${printable(f.match)}`;
  });
  if (lines.length > 0) lines.push('');
  lines.push(summary(report));
  return `${lines.join('\n')}\n`;
}

/** The errors, for stderr: `leakshield: cannot scan path: message`. */
export function formatErrorsText(errors: readonly ReportError[]): string {
  return errors
    .map((e) => `leakshield: cannot scan ${printable(e.path)}: ${printable(e.message)}\n`)
    .join('');
}

function summary(report: ScanReport): string {
  const { files, bytes, ms } = report.stats;
  const scanned = `${plural(files, 'file')}, ${formatBytes(bytes)}, ${ms} ms`;
  const skipped = report.skipped.length > 0 ? ` ${report.skipped.length} skipped (not text).` : '';
  const errors =
    report.errors.length > 0 ? ` ${plural(report.errors.length, 'file error')} (on stderr).` : '';
  if (report.findings.length === 0) return `No findings in ${scanned}.${skipped}${errors}`;
  const counts = new Map<Severity, number>();
  for (const f of report.findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const bySeverity = [...SEVERITIES]
    .reverse()
    .filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${s}`)
    .join(', ');
  return `${plural(report.findings.length, 'finding')} (${bySeverity}) in ${scanned}.${skipped}${errors}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A file name can hold newlines or terminal escapes: show them escaped rather than obey them. */
function printable(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
