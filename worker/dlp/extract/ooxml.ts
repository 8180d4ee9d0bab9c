/**
 * Word, Excel and PowerPoint files, read from their XML parts with our own zip reader and tokenizer.
 * mammoth and exceljs are installed, but both inflate every part in one go and parse it into a whole-document
 * model: the limits (ratio while inflating, bytes across the input, time) could not be held inside them, and a
 * 200 MB sheet would become a much larger object graph. Reading only the text-bearing parts, as a stream, keeps
 * every limit and the memory bounded; styles, charts and images are never inflated.
 */
import { describeError, isFatal, type ExtractBudget } from './context';
import type { ExtractedPart } from './types';
import {
  attribute,
  localName,
  naturalOrder,
  rulesCollector,
  xmlEntryText,
  type XmlCollector,
} from './xml-text';
import type { ZipDirectory, ZipEntry } from './zip';

/** An office document's reading plan: the XML parts that hold its text, in reading order, and embedded files. */
export interface DocumentPlan {
  format: string;
  parts: { entry: ZipEntry; collector: () => XmlCollector }[];
  /** Files embedded in the document (a spreadsheet in a report), extracted as documents of their own. */
  embedded: ZipEntry[];
  /** Problems met while planning (an unreadable shared-string table), reported after the text. */
  problems: ExtractedPart[];
}

const WORD_RULES = {
  // Deleted text of tracked changes is still in the file, and still leaks.
  textIn: new Set(['t', 'delText']),
  onOpen: { tab: '\t', br: '\n', cr: '\n', noBreakHyphen: '-' },
  onClose: { p: '\n', tc: '\t', tr: '\n' },
};

const DRAWING_RULES = {
  textIn: new Set(['t', 'text']),
  onOpen: { br: '\n', tab: '\t' },
  onClose: { p: '\n', tc: '\t', tr: '\n', cm: '\n' },
};

const PROPERTY_RULES = {
  textIn: null,
  onClose: {
    title: '\n',
    subject: '\n',
    creator: '\n',
    keywords: '\n',
    description: '\n',
    lastModifiedBy: '\n',
    property: '\n',
    category: '\n',
  },
};

const SHEET_COMMENT_RULES = { textIn: new Set(['t']), onClose: { comment: '\n', text: ' ' } };

function byPattern(directory: ZipDirectory, pattern: RegExp): ZipEntry[] {
  return directory.entries
    .filter((e) => !e.isDirectory && pattern.test(e.name))
    .sort((a, b) => naturalOrder(a.name, b.name));
}

function has(directory: ZipDirectory, name: string): boolean {
  return directory.entries.some((e) => e.name === name);
}

/** Which OOXML document an archive is, from the parts it lists; `null` for any other zip. */
export function ooxmlFormat(directory: ZipDirectory): 'docx' | 'xlsx' | 'pptx' | null {
  if (!has(directory, '[Content_Types].xml')) return null;
  if (has(directory, 'word/document.xml')) return 'docx';
  if (has(directory, 'xl/workbook.xml')) return 'xlsx';
  if (has(directory, 'ppt/presentation.xml')) return 'pptx';
  return null;
}

function properties(directory: ZipDirectory): DocumentPlan['parts'] {
  return byPattern(directory, /^docProps\/(core|custom)\.xml$/).map((entry) => ({
    entry,
    collector: () => rulesCollector(PROPERTY_RULES),
  }));
}

export async function planOoxml(
  format: 'docx' | 'xlsx' | 'pptx',
  path: string,
  archive: Uint8Array,
  directory: ZipDirectory,
  budget: ExtractBudget,
): Promise<DocumentPlan> {
  const plan: DocumentPlan = { format, parts: [], embedded: [], problems: [] };
  const add = (entries: ZipEntry[], rules: Parameters<typeof rulesCollector>[0]) => {
    for (const entry of entries) plan.parts.push({ entry, collector: () => rulesCollector(rules) });
  };
  if (format === 'docx') {
    add(byPattern(directory, /^word\/document\.xml$/), WORD_RULES);
    add(byPattern(directory, /^word\/(header|footer)\d*\.xml$/), WORD_RULES);
    add(byPattern(directory, /^word\/(footnotes|endnotes|comments)\.xml$/), WORD_RULES);
    plan.embedded = byPattern(directory, /^word\/embeddings\//);
  } else if (format === 'pptx') {
    add(byPattern(directory, /^ppt\/slides\/slide\d+\.xml$/), DRAWING_RULES);
    add(byPattern(directory, /^ppt\/notesSlides\/notesSlide\d+\.xml$/), DRAWING_RULES);
    add(byPattern(directory, /^ppt\/comments\/[^/]+\.xml$/), DRAWING_RULES);
    plan.embedded = byPattern(directory, /^ppt\/embeddings\//);
  } else {
    const sharedStrings = await loadSharedStrings(path, archive, directory, budget, plan.problems);
    for (const entry of byPattern(directory, /^xl\/worksheets\/sheet\d+\.xml$/)) {
      plan.parts.push({ entry, collector: () => sheetCollector(sharedStrings) });
    }
    add(byPattern(directory, /^xl\/comments\d*\.xml$/), SHEET_COMMENT_RULES);
    plan.embedded = byPattern(directory, /^xl\/embeddings\//);
  }
  plan.parts.push(...properties(directory));
  return plan;
}

/** The workbook's string table: every `<si>`, its rich-text runs joined, phonetic hints left out. */
async function loadSharedStrings(
  path: string,
  archive: Uint8Array,
  directory: ZipDirectory,
  budget: ExtractBudget,
  problems: ExtractedPart[],
): Promise<string[]> {
  const entry = directory.entries.find((e) => e.name === 'xl/sharedStrings.xml');
  if (entry === undefined) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = 0;
  let inPhonetic = 0;
  const collector: XmlCollector = {
    out: [],
    text(text) {
      if (current !== null && inText > 0 && inPhonetic === 0) current.push(text);
    },
    open(name) {
      const local = localName(name);
      if (local === 'si') current = [];
      else if (local === 't') inText++;
      else if (local === 'rPh') inPhonetic++;
    },
    close(name) {
      const local = localName(name);
      if (local === 'si' && current !== null) {
        strings.push(current.join(''));
        current = null;
      } else if (local === 't') inText--;
      else if (local === 'rPh') inPhonetic--;
    },
    skipped() {},
  };
  try {
    for await (const _ of xmlEntryText(archive, entry, budget, collector)) {
      // The collector fills `strings`; it writes nothing to `out`.
    }
  } catch (error) {
    if (isFatal(error)) throw error;
    problems.push({ kind: 'error', path: `${path}!${entry.name}`, message: describeError(error) });
  }
  return strings;
}

/** A worksheet as rows of tab-separated values: shared and inline strings, numbers, booleans, formula results. */
function sheetCollector(sharedStrings: readonly string[]): XmlCollector {
  const out: string[] = [];
  let type = '';
  let value: string[] | null = null;
  let inline: string[] | null = null;
  let inValue = false;
  let inInlineText = 0;
  return {
    out,
    text(text) {
      if (inValue && value !== null) value.push(text);
      else if (inInlineText > 0 && inline !== null) inline.push(text);
    },
    open(name, attributes) {
      switch (localName(name)) {
        case 'c':
          type = attribute(attributes, 't') ?? 'n';
          value = [];
          inline = [];
          break;
        case 'v':
          inValue = true;
          break;
        case 't':
          inInlineText++;
          break;
      }
    },
    close(name) {
      switch (localName(name)) {
        case 'v':
          inValue = false;
          break;
        case 't':
          inInlineText--;
          break;
        case 'c': {
          const raw = (value ?? []).join('');
          const text =
            type === 's'
              ? (sharedStrings[Number.parseInt(raw, 10)] ?? '')
              : type === 'inlineStr'
                ? (inline ?? []).join('')
                : type === 'b'
                  ? raw === '1'
                    ? 'TRUE'
                    : 'FALSE'
                  : raw;
          if (text.length > 0) out.push(text, '\t');
          value = null;
          inline = null;
          break;
        }
        case 'row':
          out.push('\n');
          break;
      }
    },
    skipped() {},
  };
}
