import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { EditButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { ActionChip, SeverityChip } from '../common/chips';
import { dateTime } from '../common/format';
import type { Pattern } from '../graphql/types';
import { MONO } from '../theme';
import { PatternHistory } from './PatternHistory';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '180px 1fr', gap: 1, py: 0.75 }}>
      <Typography variant="body2" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography variant="body2" component="dd" sx={{ m: 0, wordBreak: 'break-word' }}>
        {children}
      </Typography>
    </Box>
  );
}

const list = (values: string[] | undefined) => (values && values.length > 0 ? values.join(', ') : '—');

function PatternDetails() {
  const p = useRecordContext<Pattern>();
  if (!p) return null;
  const flags = [
    p.flags.caseInsensitive && 'case-insensitive',
    p.flags.multiline && 'multiline',
    p.flags.dotAll && 'dot matches newline',
  ].filter(Boolean);
  return (
    <>
      <Card variant="outlined">
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
            <Typography variant="h5" component="h1">
              {p.name}
            </Typography>
            {p.builtin && <Chip size="small" label="Built-in" variant="outlined" />}
            <Chip
              size="small"
              label={p.enabled ? 'Enabled' : 'Disabled'}
              color={p.enabled ? 'success' : 'default'}
            />
          </Stack>
          {p.description && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {p.description}
            </Typography>
          )}
          <Box component="dl" sx={{ m: 0 }}>
            <Row label="Regex">
              <Box component="code" sx={{ fontFamily: MONO, fontSize: 13 }}>
                {p.regex}
              </Box>
            </Row>
            <Row label="Flags">{flags.length > 0 ? flags.join(', ') : 'none'}</Row>
            <Row label="Severity / action">
              <SeverityChip value={p.severity} /> <ActionChip value={p.action} />
            </Row>
            <Row label="Validator">{p.validator ?? '—'}</Row>
            <Row label="Secret group">{p.secretGroup ?? 'whole match'}</Row>
            <Row label="Context words">
              {list(p.context?.words)}
              {p.context?.required ? ' (required)' : ''}
            </Row>
            <Row label="Allowlist">
              {list([...(p.allowlist?.values ?? []), ...(p.allowlist?.regexes ?? [])])}
            </Row>
            <Row label="Channels">
              {p.channelScope?.include.length ? `only ${list(p.channelScope.include)}` : 'all monitored'}
              {p.channelScope?.exclude.length ? `, never ${list(p.channelScope.exclude)}` : ''}
            </Row>
            <Row label="Version">
              v{p.version}, updated {dateTime(p.updatedAt)}
            </Row>
          </Box>
        </CardContent>
      </Card>
      <PatternHistory id={String(p.id)} version={p.version} />
    </>
  );
}

/** A pattern read-only (keys that cannot edit), with its history. */
export function PatternShow() {
  return (
    <Show
      title="Pattern"
      actions={
        <TopToolbar>
          <EditButton />
        </TopToolbar>
      }
      sx={{ '& .RaShow-card': { bgcolor: 'transparent', boxShadow: 'none' } }}
    >
      <PatternDetails />
    </Show>
  );
}
