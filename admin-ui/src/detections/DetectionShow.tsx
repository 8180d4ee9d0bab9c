import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import {
  Box,
  Card,
  CardContent,
  CardHeader,
  Divider,
  Grid,
  Stack,
  Typography,
  type SxProps,
} from '@mui/material';
import type { ReactNode } from 'react';
import {
  Link,
  ListButton,
  ShowBase,
  Title,
  TopToolbar,
  useCanAccess,
  useCreatePath,
  useRecordContext,
  useShowContext,
} from 'react-admin';
import { AuditTimeline } from '../auditEvents/AuditEventItem';
import { ActionChip, OutcomeChip, SeverityChip } from '../common/chips';
import { EmptyState } from '../common/EmptyState';
import { channelLabel, dateTime, userLabel } from '../common/format';
import { HighlightedText, occurrences } from '../common/HighlightedText';
import type { Detection } from '../graphql/types';
import { MONO } from '../theme';
import { RevealButton } from './RevealButton';

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '130px 1fr', gap: 1, py: 0.75, alignItems: 'center' }}>
      <Typography variant="body2" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography variant="body2" component="dd" sx={{ m: 0, minWidth: 0, wordBreak: 'break-word' }}>
        {children}
      </Typography>
    </Box>
  );
}

const card: SxProps = {};

function PatternLink({ record }: { record: Detection }) {
  const { canAccess } = useCanAccess({ resource: 'patterns', action: 'show' });
  const createPath = useCreatePath();
  const label = `${record.patternName}${record.patternVersion ? ` · v${record.patternVersion}` : ''}`;
  if (!canAccess) return <>{label}</>;
  return <Link to={createPath({ resource: 'patterns', id: record.patternId, type: 'show' })}>{label}</Link>;
}

function DetectionView() {
  const record = useRecordContext<Detection>();
  if (!record) return null;
  const content = record.redactedContent;
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {record.patternName}
        </Typography>
        <SeverityChip value={record.severity} />
        <ActionChip value={record.action} />
        <OutcomeChip value={record.outcome} error={record.outcomeError} />
      </Stack>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Card sx={card} variant="outlined">
            <CardHeader
              title="What was found"
              slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }}
            />
            <CardContent sx={{ pt: 0 }}>
              <Typography variant="caption" color="text.secondary">
                Masked match
              </Typography>
              <Typography
                data-testid="masked-match"
                sx={{ fontFamily: MONO, fontSize: 18, fontWeight: 600, mb: 2, wordBreak: 'break-all' }}
              >
                {record.maskedMatch}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }}>
                {record.source === 'FILE' ? 'Redacted excerpt of the file' : 'Redacted message'}
                {record.line ? ` · line ${record.line}, column ${record.column ?? 1}` : ''}
              </Typography>
              {content ? (
                <HighlightedText
                  text={content}
                  spans={occurrences(content, record.maskedMatch)}
                  ariaLabel="Redacted content"
                />
              ) : (
                <Typography variant="body2" color="text.secondary">
                  No redacted content was recorded for this detection.
                </Typography>
              )}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Card sx={card} variant="outlined">
            <CardHeader title="Details" slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} />
            <CardContent sx={{ pt: 0 }}>
              <Box component="dl" sx={{ m: 0 }}>
                <Detail label="Pattern">
                  <PatternLink record={record} />
                </Detail>
                <Detail label="Detected">{dateTime(record.detectedAt)}</Detail>
                <Detail label="Policy action">
                  <ActionChip value={record.action} />
                </Detail>
                <Detail label="Outcome">
                  <OutcomeChip value={record.outcome} />
                  {record.outcomeError ? (
                    <Typography variant="caption" color="error" component="div" sx={{ fontFamily: MONO }}>
                      {record.outcomeError}
                    </Typography>
                  ) : null}
                </Detail>
                <Divider sx={{ my: 0.5 }} />
                <Detail label="Channel">{channelLabel(record.channelId)}</Detail>
                <Detail label="Author">{userLabel(record.userId)}</Detail>
                {record.source === 'FILE' ? (
                  <Detail label="File">{record.fileName ?? record.fileId}</Detail>
                ) : (
                  <Detail label="Message">
                    <Box component="span" sx={{ fontFamily: MONO, fontSize: 12.5 }}>
                      {record.messageTs}
                      {record.threadTs && record.threadTs !== record.messageTs
                        ? ` (thread ${record.threadTs})`
                        : ''}
                    </Box>
                  </Detail>
                )}
                <Detail label="Confidence">{Math.round(record.confidence * 100)}%</Detail>
                <Detail label="Raw content">
                  {record.contentAvailable ? 'Stored encrypted (can be revealed)' : 'Not stored'}
                  {record.revealCount > 0
                    ? ` · revealed ${record.revealCount} time${record.revealCount === 1 ? '' : 's'}`
                    : ''}
                </Detail>
              </Box>
            </CardContent>
          </Card>
        </Grid>
      </Grid>
      <Card variant="outlined">
        <CardHeader
          title="Audit trail"
          subheader="Every recorded event about this message or file, oldest first"
          slotProps={{ title: { variant: 'subtitle1', component: 'h2' }, subheader: { variant: 'caption' } }}
        />
        <CardContent sx={{ pt: 0 }}>
          {record.events && record.events.length > 0 ? (
            <AuditTimeline events={record.events} />
          ) : (
            <Typography variant="body2" color="text.secondary">
              No events recorded yet.
            </Typography>
          )}
        </CardContent>
      </Card>
    </Stack>
  );
}

function DetectionShowContent() {
  const { isPending, error } = useShowContext<Detection>();
  if (isPending) return null;
  if (error) {
    return (
      <EmptyState icon={<ArrowBackIcon />} title="This detection could not be loaded">
        {error.message}
      </EmptyState>
    );
  }
  return <DetectionView />;
}

/** One detection: the masked match, the redacted content with the match marked, details, Reveal, audit trail. */
export function DetectionShow() {
  return (
    <ShowBase>
      <Box sx={{ pb: 3 }}>
        <Title title="Detection" />
        <TopToolbar sx={{ justifyContent: 'space-between' }}>
          <ListButton label="All detections" icon={<ArrowBackIcon />} />
          <RevealButton />
        </TopToolbar>
        <DetectionShowContent />
      </Box>
    </ShowBase>
  );
}
