import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
  Grid,
  Skeleton,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { Link, Title, useCanAccess, useCreatePath } from 'react-admin';
import { AuditIntegrityCheck } from '../auditEvents/AuditIntegrityCheck';
import type { Stats } from '../graphql/types';
import { ACTION_COLOUR } from './chart-data';
import { RANGES, useStats, type RangeKey } from './use-stats';

// The dashboard is the landing page and ships in the first chunk; recharts does not (it is most of the weight).
const charts = () => import('./DashboardCharts');
const DetectionsOverTime = lazy(() => charts().then((m) => ({ default: m.DetectionsOverTime })));
const OutcomeDonut = lazy(() => charts().then((m) => ({ default: m.OutcomeDonut })));
const TopPatterns = lazy(() => charts().then((m) => ({ default: m.TopPatterns })));
const TopChannels = lazy(() => charts().then((m) => ({ default: m.TopChannels })));
const ScansPerHour = lazy(() => charts().then((m) => ({ default: m.ScansPerHour })));

function Kpi({
  label,
  value,
  colour,
  to,
}: {
  label: string;
  value: number | undefined;
  colour?: string;
  to?: string;
}) {
  const body = (
    <Card variant="outlined" sx={{ height: '100%', borderLeft: 4, borderLeftColor: colour ?? 'divider' }}>
      <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Typography variant="caption" color="text.secondary" component="h3">
          {label}
        </Typography>
        <Typography
          variant="h5"
          component="p"
          data-testid={`kpi-${label.toLowerCase().replace(/\s+/g, '-')}`}
        >
          {value === undefined ? <Skeleton width={48} /> : value.toLocaleString()}
        </Typography>
      </CardContent>
    </Card>
  );
  return to ? (
    <Link to={to} underline="none" sx={{ display: 'block', height: '100%' }}>
      {body}
    </Link>
  ) : (
    body
  );
}

function ChartCard({
  title,
  subheader,
  height = 260,
  stats,
  Chart,
}: {
  title: string;
  subheader?: ReactNode;
  height?: number;
  stats: Stats | undefined;
  Chart: ComponentType<{ stats: Stats }>;
}) {
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardHeader
        title={title}
        subheader={subheader}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' }, subheader: { variant: 'caption' } }}
        sx={{ pb: 0 }}
      />
      <CardContent sx={{ height, pt: 1 }}>
        {stats ? (
          <Suspense fallback={<Skeleton variant="rounded" height="100%" />}>
            <Chart stats={stats} />
          </Suspense>
        ) : (
          <Skeleton variant="rounded" height="100%" />
        )}
      </CardContent>
    </Card>
  );
}

/**
 * The security admin's home: detections over time by action, what was done about them, the noisiest patterns and
 * channels, scan volume per hour, and whether the audit log is intact. Refreshed live as detections arrive.
 */
export function Dashboard() {
  const [range, setRange] = useState<RangeKey>('7d');
  // Fetch the charts' code while the stats load, not after.
  useEffect(() => {
    void charts();
  }, []);
  const { hours, bucket, label } = RANGES[range];
  const period = useStats(hours, bucket);
  const hourly = useStats(24, 'HOUR');
  const { canAccess: canAudit } = useCanAccess({ resource: 'auditEvents', action: 'list' });
  const createPath = useCreatePath();
  const detectionsPath = createPath({ resource: 'detections', type: 'list' });
  const stats = period.data;
  const totals = stats?.totals;

  return (
    <Box sx={{ py: 2 }}>
      <Title title="Dashboard" />
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 2, gap: 2 }}>
        <Box>
          <Typography variant="h5" component="h1">
            Overview
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Sensitive data found in Slack over the last {label}
          </Typography>
        </Box>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={range}
          onChange={(_e, value: RangeKey | null) => value && setRange(value)}
          aria-label="Period"
        >
          {(Object.keys(RANGES) as RangeKey[]).map((key) => (
            <ToggleButton
              key={key}
              value={key}
              aria-label={`Last ${RANGES[key].label}`}
              sx={{ textTransform: 'none', px: 1.5 }}
            >
              {key}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>

      {period.isError && (
        <Alert severity="error" sx={{ mb: 2 }}>
          The statistics could not be loaded: {(period.error as Error).message}
        </Alert>
      )}

      <Grid container spacing={2} sx={{ mb: 2 }}>
        <Grid size={{ xs: 6, sm: 4, md: 2 }}>
          <Kpi label="Detections" value={totals?.detections} colour="#3949ab" to={detectionsPath} />
        </Grid>
        <Grid size={{ xs: 6, sm: 4, md: 2 }}>
          <Kpi label="Blocked" value={totals?.blocked} colour={ACTION_COLOUR.BLOCK} />
        </Grid>
        <Grid size={{ xs: 6, sm: 4, md: 2 }}>
          <Kpi label="Redacted" value={totals?.redacted} colour={ACTION_COLOUR.REDACT} />
        </Grid>
        <Grid size={{ xs: 6, sm: 4, md: 2 }}>
          <Kpi label="Alerted" value={totals?.alerted} colour={ACTION_COLOUR.ALERT} />
        </Grid>
        <Grid size={{ xs: 6, sm: 4, md: 2 }}>
          <Kpi label="Failed actions" value={totals?.failedActions} colour="#8e24aa" />
        </Grid>
        <Grid size={{ xs: 6, sm: 4, md: 2 }}>
          <Kpi label="Scans" value={totals?.scans} />
        </Grid>
      </Grid>

      {canAudit && (
        <Box sx={{ mb: 2 }}>
          <AuditIntegrityCheck auto compact />
        </Box>
      )}

      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 8 }}>
          <ChartCard
            title={bucket === 'DAY' ? 'Detections per day' : 'Detections per hour'}
            subheader="Stacked by the action the policy asked for"
            stats={stats}
            Chart={DetectionsOverTime}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <ChartCard
            title="Blocked vs alerted"
            subheader="What was done about them"
            stats={stats}
            Chart={OutcomeDonut}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <ChartCard title="Top patterns" stats={stats} Chart={TopPatterns} height={240} />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <ChartCard title="Top channels" stats={stats} Chart={TopChannels} height={240} />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <ChartCard
            title="Scans per hour"
            subheader="Messages and files, last 24 hours"
            stats={hourly.data}
            Chart={ScansPerHour}
            height={222}
          />
        </Grid>
      </Grid>
    </Box>
  );
}
