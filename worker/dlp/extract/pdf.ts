import { definePDFJSModule, getResolvedPDFJS } from 'unpdf';
import { ExtractError, describeError, type ExtractBudget } from './context';

type Pdfjs = Awaited<ReturnType<typeof getResolvedPDFJS>>;
type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;

let pdfjsReady: Promise<void> | null = null;

/**
 * unpdf ships a CommonJS entry, but the pdf.js bundle behind it is ES only. Handing it a real `import()` of that
 * bundle from here (tsc keeps `import()` in CommonJS output under `module: node16`) makes the loading ours, so
 * jest can map the same specifier to a transformed copy (see jest.config.js).
 */
function loadPdfjs(): Promise<void> {
  if (pdfjsReady === null) {
    const loading = definePDFJSModule(() => import('unpdf/pdfjs'));
    pdfjsReady = loading;
    loading.catch(() => {
      // A failed load is retried by the next PDF rather than remembered.
      pdfjsReady = null;
    });
  }
  return pdfjsReady;
}

/** Waits for `work` no longer than the file's remaining time budget; the loser's rejection is absorbed. */
async function withinBudget<T>(work: Promise<T>, budget: ExtractBudget): Promise<T> {
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(budget.timeError()), budget.remainingMs());
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function pdfProblem(error: unknown): ExtractError {
  const name = error instanceof Error ? error.name : '';
  if (error instanceof ExtractError) return error;
  if (name === 'PasswordException')
    return new ExtractError('encrypted PDF (password required): its text cannot be scanned');
  if (name === 'InvalidPDFException')
    return new ExtractError(`corrupt or invalid PDF: ${describeError(error)}`);
  return new ExtractError(`unreadable PDF: ${describeError(error)}`);
}

/**
 * Opens a PDF held in memory; throws an ExtractError that names the problem (corrupt, encrypted, time budget).
 * The caller must `destroy()` the document.
 */
export async function openPdf(bytes: Uint8Array, budget: ExtractBudget): Promise<PdfDocument> {
  try {
    budget.checkTime();
    await withinBudget(loadPdfjs(), budget);
    const pdfjs = await getResolvedPDFJS();
    const task = pdfjs.getDocument({
      // pdf.js takes ownership of (and may detach) the buffer it is given, so it gets a copy.
      data: new Uint8Array(bytes),
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
    });
    try {
      return await withinBudget(task.promise, budget);
    } catch (error) {
      // Stops pdf.js working on a document that failed or ran out of time.
      await task.destroy().catch(() => undefined);
      throw error;
    }
  } catch (error) {
    throw pdfProblem(error);
  }
}

/**
 * The text of each page in turn, with line ends where pdf.js saw them; pages are separated by a blank line.
 * Characters are counted toward the input's extracted bytes, and the time budget is checked page by page.
 */
export async function* pdfText(document: PdfDocument, budget: ExtractBudget): AsyncGenerator<string> {
  for (let number = 1; number <= document.numPages; number++) {
    budget.checkTime();
    let text: string;
    try {
      const page = await withinBudget(document.getPage(number), budget);
      const content = await withinBudget(page.getTextContent(), budget);
      text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('');
      page.cleanup();
    } catch (error) {
      const problem = pdfProblem(error);
      throw new ExtractError(`page ${number} of ${document.numPages}: ${problem.message}`);
    }
    budget.charge(Buffer.byteLength(text, 'utf8'));
    if (text.length > 0) yield number < document.numPages ? `${text}\n\n` : text;
  }
}
