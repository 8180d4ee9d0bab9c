const FS_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** A file-system error in words, without the path (the caller names it) or a stack. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && FS_ERRORS[code]) return FS_ERRORS[code];
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Why reading or extracting a file failed, for the `errors` list. A file-system error is put in words; any
 * other exception is named but not quoted, since a parser's message can quote the very content being scanned.
 */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && FS_ERRORS[code]) return FS_ERRORS[code];
  // The extractor's own errors are written for the user and never quote content.
  if (error instanceof Error && error.name === 'ExtractError') return error.message;
  const name = error instanceof Error ? error.name : typeof error;
  return `could not be read (unexpected ${name}${code ? ` ${code}` : ''})`;
}
