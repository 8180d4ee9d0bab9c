import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { describeFsError } from './fs-errors';
import { STDIN_PATH } from './scan-args';

/** Shown as the path of text read from standard input. */
export const STDIN_DISPLAY = '<stdin>';

/** Directories never worth scanning: version-control internals and installed dependencies. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

/**
 * One thing to scan, in a stable order.
 * @example { kind: 'file', path: 'src/config.ts', absolute: '/repo/src/config.ts', size: 812 }
 */
export type ScanInput =
  | { kind: 'file'; path: string; absolute: string; size: number }
  | { kind: 'stdin'; path: string }
  | { kind: 'error'; path: string; message: string };

export interface WalkOptions {
  cwd: string;
  /** .gitignore-style patterns, matched against the path relative to the directory being walked. */
  excludes: readonly string[];
}

/**
 * Expands the PATH arguments into files: directories are walked recursively in name order, symbolic links to
 * files are followed, symbolic links to directories are not (they could loop). A path that cannot be read
 * becomes an error input, so the run goes on.
 */
export async function* walkInputs(paths: readonly string[], options: WalkOptions): AsyncGenerator<ScanInput> {
  const excluded = ignore().add([...options.excludes]);
  const seen = new Set<string>();
  for (const given of paths) {
    if (given === STDIN_PATH) {
      if (!seen.has(STDIN_PATH)) yield { kind: 'stdin', path: STDIN_DISPLAY };
      seen.add(STDIN_PATH);
      continue;
    }
    const absolute = path.resolve(options.cwd, given);
    const shown = displayPath(absolute, options.cwd);
    let info: Stats;
    try {
      info = await stat(absolute);
    } catch (error) {
      yield { kind: 'error', path: shown, message: await unreadableReason(absolute, error) };
      continue;
    }
    if (info.isDirectory()) {
      yield* walkDirectory(absolute, absolute, excluded, options.cwd, seen);
    } else if (info.isFile()) {
      if (!seen.has(absolute)) yield { kind: 'file', path: shown, absolute, size: info.size };
      seen.add(absolute);
    } else {
      yield { kind: 'error', path: shown, message: 'not a regular file or directory' };
    }
  }
}

async function* walkDirectory(
  root: string,
  directory: string,
  excluded: Ignore,
  cwd: string,
  seen: Set<string>,
): AsyncGenerator<ScanInput> {
  let entries: Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    yield { kind: 'error', path: displayPath(directory, cwd), message: describeFsError(error) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const absolute = path.join(directory, entry.name);
    const fromRoot = toPosix(path.relative(root, absolute));
    if (entry.isDirectory()) {
      if (ALWAYS_SKIPPED.has(entry.name) || isExcluded(excluded, `${fromRoot}/`, absolute, cwd, true))
        continue;
      yield* walkDirectory(root, absolute, excluded, cwd, seen);
      continue;
    }
    if (isExcluded(excluded, fromRoot, absolute, cwd, false)) continue;
    const shown = displayPath(absolute, cwd);
    if (entry.isFile()) {
      yield* fileInput(absolute, shown, seen);
    } else if (entry.isSymbolicLink()) {
      let target: Stats;
      try {
        target = await stat(absolute);
      } catch (error) {
        yield { kind: 'error', path: shown, message: await unreadableReason(absolute, error) };
        continue;
      }
      if (target.isFile()) yield* fileInput(absolute, shown, seen);
    }
    // Sockets, FIFOs and devices hold no file content to scan.
  }
}

async function* fileInput(absolute: string, shown: string, seen: Set<string>): AsyncGenerator<ScanInput> {
  if (seen.has(absolute)) return;
  seen.add(absolute);
  try {
    const info = await stat(absolute);
    yield { kind: 'file', path: shown, absolute, size: info.size };
  } catch (error) {
    yield { kind: 'error', path: shown, message: describeFsError(error) };
  }
}

/**
 * A path is excluded when a pattern matches it relative to the directory being walked, or relative to the
 * working directory (so `--exclude src/generated/` works whether `.` or `src` was given).
 */
function isExcluded(
  excluded: Ignore,
  fromRoot: string,
  absolute: string,
  cwd: string,
  isDir: boolean,
): boolean {
  if (fromRoot !== '' && excluded.ignores(fromRoot)) return true;
  const fromCwd = toPosix(path.relative(cwd, absolute));
  if (fromCwd === '' || fromCwd === '..' || fromCwd.startsWith('../') || path.isAbsolute(fromCwd))
    return false;
  return excluded.ignores(isDir ? `${fromCwd}/` : fromCwd);
}

/** Why a path could not be read, telling a dangling symbolic link apart from a missing file. */
async function unreadableReason(absolute: string, error: unknown): Promise<string> {
  if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
    try {
      if ((await lstat(absolute)).isSymbolicLink()) return 'broken symbolic link (its target does not exist)';
    } catch {
      // not a link: the plain reason below
    }
  }
  return describeFsError(error);
}

/** Relative to the working directory when inside it, else absolute; always with forward slashes. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  if (relative === '') return '.';
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return toPosix(absolute);
  }
  return toPosix(relative);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
