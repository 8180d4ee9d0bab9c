import { Box, Tooltip } from '@mui/material';
import type { ReactNode } from 'react';
import { MONO } from '../theme';

/** A range of the text to mark, in UTF-16 offsets (JavaScript string indices, as the API reports them). */
export interface Span {
  start: number;
  end: number;
  label?: string;
}

/**
 * Text in a monospace block with the spans marked; overlapping spans are merged into the first. Whitespace and
 * line breaks are kept, long lines wrap.
 */
export function HighlightedText({
  text,
  spans,
  ariaLabel,
}: {
  text: string;
  spans: Span[];
  ariaLabel?: string;
}) {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let cursor = 0;
  sorted.forEach((span, i) => {
    if (span.start < cursor) return;
    if (span.start > cursor) parts.push(text.slice(cursor, span.start));
    const mark = (
      <Box
        component="mark"
        key={i}
        data-testid="highlight"
        sx={{ bgcolor: 'warning.light', color: 'warning.contrastText', borderRadius: 0.5, px: 0.25 }}
      >
        {text.slice(span.start, span.end)}
      </Box>
    );
    parts.push(
      span.label ? (
        <Tooltip key={i} title={span.label}>
          {mark}
        </Tooltip>
      ) : (
        mark
      ),
    );
    cursor = span.end;
  });
  if (cursor < text.length) parts.push(text.slice(cursor));
  return (
    <Box
      component="pre"
      aria-label={ariaLabel}
      sx={{
        fontFamily: MONO,
        fontSize: 13,
        lineHeight: 1.6,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
        m: 0,
        p: 1.5,
        bgcolor: 'action.hover',
        borderRadius: 1,
        maxHeight: 360,
        overflow: 'auto',
      }}
    >
      {parts}
    </Box>
  );
}

/** Every occurrence of `needle` in `text`, as spans. */
export function occurrences(text: string, needle: string): Span[] {
  const spans: Span[] = [];
  if (!needle) return spans;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    spans.push({ start: at, end: at + needle.length });
  }
  return spans;
}
