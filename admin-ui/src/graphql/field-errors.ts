/**
 * Field problems as react-admin's server-side validation wants them: by form path, without the `input` prefix.
 * @example fieldErrors([{ field: ['input', 'regex'], message: 'missing )' }]) → { regex: 'missing )' }
 */
export function fieldErrors(problems: { field: string[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, message } of problems) {
    const path = (field[0] === 'input' ? field.slice(1) : field).join('.') || 'root.serverError';
    out[path] = out[path] ? `${out[path]}; ${message}` : message;
  }
  return out;
}
