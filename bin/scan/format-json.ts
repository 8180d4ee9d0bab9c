import type { ScanReport } from './scan-report';

/**
 * The `--format json` document, with exactly these keys in this order:
 * `{"findings":[{path,line,column,detector,name,severity,match}],"errors":[{path,message}],"stats":{files,bytes,ms}}`.
 */
export function formatJson(report: ScanReport): string {
  const document = {
    findings: report.findings.map((f) => ({
      path: f.path,
      line: f.line,
      column: f.column,
      detector: f.detector,
      name: f.name,
      severity: f.severity,
      match: f.match,
    })),
    errors: report.errors.map((e) => ({ path: e.path, message: e.message })),
    stats: { files: report.stats.files, bytes: report.stats.bytes, ms: report.stats.ms },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
