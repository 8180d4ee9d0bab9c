import HistoryIcon from '@mui/icons-material/History';
import { Alert, Card, CardContent, CardHeader, Skeleton } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import { AuditTimeline } from '../auditEvents/AuditEventItem';
import type { LeakShieldDataProvider } from '../data/data-provider';

/** The pattern's versions as recorded in its audit stream, newest first. */
export function PatternHistory({ id, version }: { id: string; version?: number }) {
  const dataProvider = useDataProvider<LeakShieldDataProvider>();
  const history = useQuery({
    // The version in the key refetches the history after each save.
    queryKey: ['patterns', 'history', id, version],
    queryFn: ({ signal }) => dataProvider.patternHistory(id, signal),
  });
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardHeader
        avatar={<HistoryIcon color="action" />}
        title="Version history"
        subheader="Every change to this pattern, from the audit log"
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        {history.isPending ? (
          <Skeleton variant="rounded" height={80} />
        ) : history.isError ? (
          <Alert severity="error">{(history.error as Error).message}</Alert>
        ) : (
          <AuditTimeline events={[...history.data].reverse()} />
        )}
      </CardContent>
    </Card>
  );
}
