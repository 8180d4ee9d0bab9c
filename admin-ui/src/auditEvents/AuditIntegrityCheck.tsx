import GppBadIcon from '@mui/icons-material/GppBad';
import GppGoodIcon from '@mui/icons-material/GppGood';
import { Alert, AlertTitle, Box, Button, CircularProgress } from '@mui/material';
import { dateTime } from '../common/format';
import { useIntegrity } from './use-integrity';

/**
 * Verifies the audit log's hash chain and says what came of it: intact (how many events), or the first broken
 * position and why. `auto` runs the check on mount (the dashboard); otherwise it waits for the button.
 */
export function AuditIntegrityCheck({
  auto = false,
  compact = false,
}: {
  auto?: boolean;
  compact?: boolean;
}) {
  const integrity = useIntegrity({ auto });
  const result = integrity.data;
  const running = integrity.isFetching;

  const button = (
    <Button
      size="small"
      variant={compact ? 'text' : 'outlined'}
      onClick={() => void integrity.refetch()}
      disabled={running}
      startIcon={running ? <CircularProgress size={14} /> : <GppGoodIcon />}
    >
      {result ? 'Check again' : 'Verify integrity'}
    </Button>
  );

  return (
    <Box aria-live="polite" data-testid="integrity">
      {integrity.isError ? (
        <Alert severity="error" action={button}>
          The integrity check could not run: {(integrity.error as Error).message}
        </Alert>
      ) : result?.ok ? (
        <Alert severity="success" icon={<GppGoodIcon />} action={button}>
          <AlertTitle sx={{ mb: compact ? 0 : undefined }}>Audit log intact</AlertTitle>
          {result.checkedEvents.toLocaleString()} events verified, {dateTime(result.checkedAt)}
        </Alert>
      ) : result ? (
        <Alert severity="error" icon={<GppBadIcon />} action={button}>
          <AlertTitle>Audit log tampered with</AlertTitle>
          The chain breaks at position {result.firstBrokenPosition}
          {result.reason === 'hash'
            ? ': that event was edited.'
            : result.reason === 'link'
              ? ': an event before it was removed, inserted or re-hashed.'
              : '.'}{' '}
          {result.checkedEvents.toLocaleString()} events checked, {dateTime(result.checkedAt)}.
        </Alert>
      ) : (
        <Alert severity="info" action={button} icon={running ? <CircularProgress size={18} /> : undefined}>
          {running
            ? 'Verifying the hash chain…'
            : 'Verify that no audit event was changed, removed or inserted since it was written.'}
        </Alert>
      )}
    </Box>
  );
}
