/**
 * The text a Slack message carries outside its `text` field: legacy attachments and Block Kit blocks. A secret
 * pasted by an app (a CI bot's attachment, a workflow's section block) is as much a leak as one typed by a person.
 */

const ATTACHMENT_FIELDS = [
  'pretext',
  'author_name',
  'title',
  'title_link',
  'text',
  'fallback',
  'footer',
  'from_url',
] as const;

/** One string per attachment (its text fields and fields' titles and values, one per line). */
export function attachmentTexts(attachments: unknown): string[] {
  if (!Array.isArray(attachments)) return [];
  return attachments
    .slice(0, 100)
    .map((attachment: unknown) => {
      if (typeof attachment !== 'object' || attachment === null) return '';
      const record = attachment as Record<string, unknown>;
      const lines: string[] = [];
      for (const field of ATTACHMENT_FIELDS) {
        const value = record[field];
        if (typeof value === 'string' && value.trim() !== '') lines.push(value);
      }
      if (Array.isArray(record.fields)) {
        for (const field of record.fields as unknown[]) {
          if (typeof field !== 'object' || field === null) continue;
          const { title, value } = field as { title?: unknown; value?: unknown };
          if (typeof title === 'string' && title !== '') lines.push(title);
          if (typeof value === 'string' && value !== '') lines.push(value);
        }
      }
      const blocks = blocksText(record.blocks);
      if (blocks !== '') lines.push(blocks);
      return lines.join('\n');
    })
    .filter((text) => text !== '');
}

const RICH_TEXT_RUNS = new Set(['rich_text_section', 'rich_text_preformatted', 'rich_text_quote']);

function inlineText(element: unknown): string {
  if (typeof element !== 'object' || element === null) return '';
  const { text, url } = element as { text?: unknown; url?: unknown };
  if (typeof text === 'string') return typeof url === 'string' && url !== text ? `${text} ${url}` : text;
  return typeof url === 'string' ? url : '';
}

/**
 * Every `text` and `url` string in a Block Kit tree (rich text runs, links, sections, fields, context), one per
 * line. Blocks nest at most a few levels; the walk stops at 12 to stay safe on hostile input.
 */
export function blocksText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  const out: string[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (depth > 12 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    if (
      typeof record.type === 'string' &&
      RICH_TEXT_RUNS.has(record.type) &&
      Array.isArray(record.elements)
    ) {
      // Style runs of one paragraph are one string: a token split over bold and plain text stays whole.
      const line = (record.elements as unknown[]).map(inlineText).join('');
      if (line.trim() !== '') out.push(line);
      return;
    }
    for (const [key, child] of Object.entries(record)) {
      if ((key === 'text' || key === 'url') && typeof child === 'string') {
        if (child.trim() !== '') out.push(child);
      } else if (typeof child === 'object') {
        walk(child, depth + 1);
      }
    }
  };
  walk(blocks, 0);
  return out.join('\n');
}
