import { describeError, isFatal, type ExtractBudget } from './context';
import { odfFormat, planOdf } from './odf';
import { ooxmlFormat, planOoxml, type DocumentPlan } from './ooxml';
import { rechunk } from './text';
import type { ExtractedPart } from './types';
import { xmlEntryText } from './xml-text';
import { inflateEntry, readZipDirectory, unreadableReason, type ZipDirectory } from './zip';

/** Extracts a file found inside an archive: the same path as a top-level file, one level deeper. */
export type NestedExtract = (path: string, bytes: AsyncIterable<Buffer>) => AsyncGenerator<ExtractedPart>;

/** Yields `parts`, turning a failure into an error part for `path`; a fatal one (budget spent) still stops all. */
export async function* containing(
  path: string,
  parts: AsyncGenerator<ExtractedPart>,
): AsyncGenerator<ExtractedPart> {
  try {
    yield* parts;
  } catch (error) {
    if (isFatal(error)) throw error;
    yield { kind: 'error', path, message: describeError(error) };
  }
}

/**
 * A zip held in memory: an office document (one text part, then its embedded files), or an archive (each entry as
 * a file of its own, at `archive.zip!dir/name.txt`). `depth` is this archive's nesting depth.
 */
export async function* zipParts(
  path: string,
  archive: Uint8Array,
  depth: number,
  budget: ExtractBudget,
  nested: NestedExtract,
): AsyncGenerator<ExtractedPart> {
  const { maxDepth, maxEntries } = budget.limits;
  if (depth > maxDepth) {
    yield {
      kind: 'error',
      path,
      message: `archive nested at depth ${depth}, over maxDepth (${maxDepth}); not opened`,
    };
    return;
  }
  const directory = readZipDirectory(archive, maxEntries);
  const office = ooxmlFormat(directory);
  const odf = office === null ? await odfFormat(archive, directory, budget) : null;
  if (office !== null || odf !== null) {
    const plan =
      office !== null
        ? await planOoxml(office, path, archive, directory, budget)
        : await planOdf(odf ?? 'odf', path, archive, directory, budget);
    yield* documentParts(path, archive, plan, budget, nested);
  } else {
    yield* entryParts(path, archive, directory, budget, nested);
  }
  if (directory.declaredEntries > directory.entries.length) {
    yield {
      kind: 'error',
      path,
      message:
        `archive lists ${directory.declaredEntries} entries, over maxEntries (${maxEntries}); ` +
        `only the first ${directory.entries.length} were read`,
    };
  }
}

async function* entryParts(
  path: string,
  archive: Uint8Array,
  directory: ZipDirectory,
  budget: ExtractBudget,
  nested: NestedExtract,
): AsyncGenerator<ExtractedPart> {
  if (directory.declaredEntries === 0 || directory.entries.every((e) => e.isDirectory)) {
    // Said out loud, so an empty archive is not mistaken for one that was never looked at.
    yield { kind: 'skipped', path, reason: 'empty archive: no files in it' };
    return;
  }
  for (const entry of directory.entries) {
    if (entry.isDirectory) continue;
    budget.checkTime();
    const entryPath = `${path}!${entry.name}`;
    const unreadable = unreadableReason(entry);
    if (unreadable !== null) {
      yield { kind: 'error', path: entryPath, message: unreadable };
      continue;
    }
    yield* containing(entryPath, nested(entryPath, inflateEntry(archive, entry, budget)));
  }
}

async function* documentParts(
  path: string,
  archive: Uint8Array,
  plan: DocumentPlan,
  budget: ExtractBudget,
  nested: NestedExtract,
): AsyncGenerator<ExtractedPart> {
  const problems = [...plan.problems];
  if (plan.parts.length > 0) {
    yield {
      kind: 'text',
      path,
      format: plan.format,
      hasLines: false,
      chunks: rechunk(documentText(path, archive, plan, budget, problems)),
    };
  }
  // The consumer has read the text by now, so every part's problem is known.
  yield* problems;
  for (const entry of plan.embedded) {
    const entryPath = `${path}!${entry.name}`;
    yield* containing(entryPath, nested(entryPath, inflateEntry(archive, entry, budget)));
  }
}

/** Every XML part in turn; a broken part is noted and skipped, so one bad footer does not hide the body. */
async function* documentText(
  path: string,
  archive: Uint8Array,
  plan: DocumentPlan,
  budget: ExtractBudget,
  problems: ExtractedPart[],
): AsyncGenerator<string> {
  for (const { entry, collector } of plan.parts) {
    try {
      for await (const text of xmlEntryText(archive, entry, budget, collector())) yield text;
      yield '\n';
    } catch (error) {
      if (isFatal(error)) throw error;
      problems.push({ kind: 'error', path: `${path}!${entry.name}`, message: describeError(error) });
    }
  }
}
