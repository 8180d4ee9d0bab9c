import { createHash } from 'node:crypto';
import type { PatternDefinition, Severity } from '../../worker/dlp/types';
import type { ReportFinding, ScanReport } from './scan-report';

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** What a detector contributes to its SARIF rule. */
export type RuleSource = Pick<PatternDefinition, 'id' | 'name' | 'severity'> & { description?: string };

export interface SarifOptions {
  toolVersion: string;
  /** The patterns the run used, for rule descriptions; a rule is written only for a detector with findings. */
  detectors?: readonly RuleSource[];
}

type SarifLevel = 'error' | 'warning' | 'note';

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string };
    region?: { startLine: number; startColumn?: number };
  };
  logicalLocations?: { name: string; fullyQualifiedName: string; kind: string }[];
}

/** The subset of SARIF 2.1.0 this tool writes. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        semanticVersion: string;
        rules: {
          id: string;
          name: string;
          shortDescription: { text: string };
          fullDescription?: { text: string };
          defaultConfiguration: { level: SarifLevel };
          properties: { severity: Severity; 'security-severity': string; tags: string[] };
        }[];
      };
    };
    columnKind: 'utf16CodeUnits';
    results: {
      ruleId: string;
      ruleIndex: number;
      level: SarifLevel;
      message: { text: string };
      locations: SarifLocation[];
      partialFingerprints: Record<string, string>;
      properties?: { path: string; line: number | null; column: number | null };
    }[];
    invocations: {
      executionSuccessful: boolean;
      toolExecutionNotifications: {
        level: 'error' | 'note';
        message: { text: string };
        locations: SarifLocation[];
      }[];
    }[];
    properties: { stats: { files: number; bytes: number; ms: number } };
  }[];
}

const LEVELS: Record<Severity, SarifLevel> = {
  CRITICAL: 'error',
  HIGH: 'error',
  MEDIUM: 'warning',
  LOW: 'note',
};

/** GitHub code scanning ranks security alerts by this score (critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0). */
const SECURITY_SEVERITY: Record<Severity, string> = {
  CRITICAL: '9.5',
  HIGH: '8.0',
  MEDIUM: '5.5',
  LOW: '2.0',
};

/**
 * The `--format sarif` document: one run, one rule per detector that found something, one result per finding.
 * A result's message holds the masked match only. An archive entry (`outer.zip!inner.txt`) is located at the
 * outer file, which is what exists in a repository, with the entry as a logical location; its line and column
 * belong to the entry, not to the archive, so they are kept in the result's properties instead of a region.
 */
export function buildSarif(report: ScanReport, options: SarifOptions): SarifLog {
  const catalogue = new Map((options.detectors ?? []).map((d) => [d.id, d]));
  const ruleIndex = new Map<string, number>();
  const rules: SarifLog['runs'][number]['tool']['driver']['rules'] = [];
  for (const f of report.findings) {
    if (ruleIndex.has(f.detector)) continue;
    const known = catalogue.get(f.detector);
    const severity = known?.severity ?? f.severity;
    ruleIndex.set(f.detector, rules.length);
    rules.push({
      id: f.detector,
      name: known?.name ?? f.name,
      shortDescription: { text: known?.name ?? f.name },
      ...(known?.description ? { fullDescription: { text: known.description } } : {}),
      defaultConfiguration: { level: LEVELS[severity] },
      properties: { severity, 'security-severity': SECURITY_SEVERITY[severity], tags: ['security'] },
    });
  }

  const occurrences = new Map<string, number>();
  const results = report.findings.map((f) => {
    const key = `${f.detector}\0${f.path}\0${f.match}`;
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    const inArchive = f.path.includes('!');
    return {
      ruleId: f.detector,
      ruleIndex: ruleIndex.get(f.detector) ?? 0,
      level: LEVELS[f.severity],
      message: { text: f.match },
      locations: [findingLocation(f)],
      // Stable across runs while the same masked value stays in the same file, wherever its line moves.
      partialFingerprints: { 'leakshieldFinding/v1': sha256(`${key}\0${occurrence}`) },
      ...(inArchive ? { properties: { path: f.path, line: f.line, column: f.column } } : {}),
    };
  });

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'LeakShield',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...report.errors.map((e) => ({
                level: 'error' as const,
                message: { text: `cannot scan ${e.path}: ${e.message}` },
                locations: [pathLocation(e.path)],
              })),
              ...report.skipped.map((s) => ({
                level: 'note' as const,
                message: { text: `skipped ${s.path}: ${s.reason}` },
                locations: [pathLocation(s.path)],
              })),
            ],
          },
        ],
        properties: { stats: { ...report.stats } },
      },
    ],
  };
}

export function formatSarif(report: ScanReport, options: SarifOptions): string {
  return `${JSON.stringify(buildSarif(report, options), null, 2)}\n`;
}

function findingLocation(f: ReportFinding): SarifLocation {
  const location = pathLocation(f.path);
  if (!f.path.includes('!') && f.line !== null) {
    location.physicalLocation.region = {
      startLine: f.line,
      ...(f.column !== null ? { startColumn: f.column } : {}),
    };
  }
  return location;
}

function pathLocation(path: string): SarifLocation {
  const [outer = path, ...inner] = path.split('!');
  const location: SarifLocation = { physicalLocation: { artifactLocation: { uri: toUri(outer) } } };
  if (inner.length > 0) {
    location.logicalLocations = [
      { name: inner[inner.length - 1] ?? '', fullyQualifiedName: path, kind: 'member' },
    ];
  }
  return location;
}

/** A relative path becomes a relative URI reference (as code scanning expects); an absolute one a file: URI. */
function toUri(path: string): string {
  const encoded = path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return path.startsWith('/') ? `file://${encoded}` : encoded;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
