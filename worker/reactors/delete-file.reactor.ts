import type { EffectOutcome, EffectRun } from './effect-journal';
import { callAsAdmin, type ReactorContext } from './reactor-context';

/** Deletes a file with the admin token (files.delete); `file_not_found` after a died attempt means it got through. */
export async function deleteFile(
  context: ReactorContext,
  target: { fileId: string },
  run: EffectRun,
): Promise<EffectOutcome> {
  const result = await callAsAdmin(context, 'files.delete', { file: target.fileId });
  if (result.ok) return { ok: true };
  if (run.resumed && result.code === 'file_not_found') return { ok: true, uncertain: true };
  return result;
}
