import type { ExtractBudget } from './context';
import type { DocumentPlan } from './ooxml';
import { attribute, naturalOrder, rulesCollector, type TextRules } from './xml-text';
import { readEntry, type ZipDirectory } from './zip';

const FORMATS: Record<string, string> = {
  text: 'odt',
  'text-template': 'odt',
  spreadsheet: 'ods',
  'spreadsheet-template': 'ods',
  presentation: 'odp',
  'presentation-template': 'odp',
  graphics: 'odg',
};

const MIMETYPE_PREFIX = 'application/vnd.oasis.opendocument.';

const BODY_RULES: TextRules = {
  textIn: null,
  drop: new Set(['automatic-styles', 'font-face-decls', 'scripts', 'styles']),
  onOpen: {
    tab: '\t',
    'line-break': '\n',
    // `<text:s text:c="3"/>` stands for three spaces.
    s: (attributes) =>
      ' '.repeat(Math.min(1000, Math.max(1, Number(attribute(attributes, 'c') ?? '1') || 1))),
  },
  onClose: { p: '\n', h: '\n', 'table-cell': '\t', 'table-row': '\n', title: '\n', keyword: '\n' },
};

/** The OpenDocument format an archive holds, from its stored `mimetype` entry; `null` for any other zip. */
export async function odfFormat(
  archive: Uint8Array,
  directory: ZipDirectory,
  budget: ExtractBudget,
): Promise<string | null> {
  const entry = directory.entries.find((e) => e.name === 'mimetype');
  if (entry === undefined || !directory.entries.some((e) => e.name === 'content.xml')) return null;
  const mimetype = (await readEntry(archive, entry, budget, 256))?.toString('utf8').trim();
  if (mimetype?.startsWith(MIMETYPE_PREFIX) !== true) return null;
  return FORMATS[mimetype.slice(MIMETYPE_PREFIX.length)] ?? 'odf';
}

/**
 * content.xml holds the body, styles.xml the headers and footers (its style definitions are dropped), meta.xml
 * the title and keywords. A password-protected document is refused: its parts are ciphertext.
 */
export async function planOdf(
  format: string,
  path: string,
  archive: Uint8Array,
  directory: ZipDirectory,
  budget: ExtractBudget,
): Promise<DocumentPlan> {
  const plan: DocumentPlan = { format, parts: [], embedded: [], problems: [] };
  const manifest = directory.entries.find((e) => e.name === 'META-INF/manifest.xml');
  if (manifest !== undefined) {
    const text = (await readEntry(archive, manifest, budget, 4 * 1024 * 1024))?.toString('utf8') ?? '';
    if (text.includes('encryption-data')) {
      plan.problems.push({
        kind: 'error',
        path,
        message: 'encrypted (password-protected) OpenDocument file: its content cannot be scanned',
      });
      return plan;
    }
  }
  // Embedded objects (a chart, a formula) are small documents of their own in `Object N/`.
  const names = ['content.xml', 'styles.xml', 'meta.xml'];
  const objects = directory.entries
    .filter((e) => /^Object \d+\/content\.xml$/.test(e.name))
    .sort((a, b) => naturalOrder(a.name, b.name));
  for (const entry of [...names.flatMap((n) => directory.entries.filter((e) => e.name === n)), ...objects]) {
    plan.parts.push({ entry, collector: () => rulesCollector(BODY_RULES) });
  }
  return plan;
}
