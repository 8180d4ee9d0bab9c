import { Box, Typography, useTheme } from '@mui/material';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { channelLabel } from '../common/format';
import type { Stats } from '../graphql/types';
import {
  ACTION_COLOUR,
  ACTION_LABEL,
  ACTION_ORDER,
  bucketLabel,
  outcomeSlices,
  stackedByAction,
} from './chart-data';

// Recharts lives in this module only, loaded after the dashboard's frame: the first paint does not wait for it.

function NoData({ children = 'No detections in this period.' }: { children?: string }) {
  return (
    <Box sx={{ height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Typography variant="body2" color="text.secondary">
        {children}
      </Typography>
    </Box>
  );
}

function useAxis() {
  const theme = useTheme();
  return {
    tick: { fill: theme.palette.text.secondary, fontSize: 12 },
    grid: theme.palette.divider,
    tooltip: {
      contentStyle: {
        background: theme.palette.background.paper,
        border: `1px solid ${theme.palette.divider}`,
        borderRadius: 8,
        fontSize: 13,
      },
    },
  };
}

/** Detections per bucket, stacked by the action the policy asked for. */
export function DetectionsOverTime({ stats }: { stats: Stats }) {
  const axis = useAxis();
  if (stats.totals.detections === 0) return <NoData />;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={stackedByAction(stats)} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke={axis.grid} />
        <XAxis dataKey="label" tick={axis.tick} tickLine={false} axisLine={false} minTickGap={12} />
        <YAxis allowDecimals={false} tick={axis.tick} tickLine={false} axisLine={false} />
        <Tooltip {...axis.tooltip} cursor={{ fillOpacity: 0.08 }} />
        <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />
        {ACTION_ORDER.map((action) => (
          <Bar
            key={action}
            dataKey={action}
            name={ACTION_LABEL[action]}
            stackId="actions"
            fill={ACTION_COLOUR[action]}
            maxBarSize={36}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Blocked vs redacted vs alerted vs logged, over the period. */
export function OutcomeDonut({ stats }: { stats: Stats }) {
  const axis = useAxis();
  const slices = outcomeSlices(stats);
  if (slices.length === 0) return <NoData />;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <PieChart>
        <Pie
          data={slices}
          dataKey="value"
          nameKey="name"
          innerRadius="55%"
          outerRadius="80%"
          paddingAngle={2}
        >
          {slices.map((s) => (
            <Cell key={s.action} fill={ACTION_COLOUR[s.action]} />
          ))}
        </Pie>
        <Tooltip {...axis.tooltip} />
        <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />
      </PieChart>
    </ResponsiveContainer>
  );
}

/** A ranked list as horizontal bars (top patterns, top channels). */
export function TopBars({ rows, colour }: { rows: { name: string; count: number }[]; colour: string }) {
  const axis = useAxis();
  if (rows.length === 0) return <NoData />;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 8 }}>
        <XAxis type="number" hide allowDecimals={false} />
        <YAxis
          type="category"
          dataKey="name"
          width={170}
          tick={axis.tick}
          tickLine={false}
          axisLine={false}
          tickFormatter={(v: string) => (v.length > 24 ? `${v.slice(0, 23)}…` : v)}
        />
        <Tooltip {...axis.tooltip} cursor={{ fillOpacity: 0.08 }} />
        <Bar
          dataKey="count"
          name="Detections"
          fill={colour}
          radius={[0, 4, 4, 0]}
          maxBarSize={18}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function TopPatterns({ stats }: { stats: Stats }) {
  const theme = useTheme();
  return (
    <TopBars
      rows={stats.byPattern.map((p) => ({ name: p.patternName, count: p.count }))}
      colour={theme.palette.primary.main}
    />
  );
}

export function TopChannels({ stats }: { stats: Stats }) {
  const theme = useTheme();
  return (
    <TopBars
      rows={stats.byChannel.map((c) => ({ name: channelLabel(c.channelId), count: c.count }))}
      colour={theme.palette.secondary.main}
    />
  );
}

/** Messages and files scanned per hour. */
export function ScansPerHour({ stats }: { stats: Stats }) {
  const axis = useAxis();
  const theme = useTheme();
  if (stats.totals.scans === 0) return <NoData>Nothing scanned in the last 24 hours.</NoData>;
  const data = stats.series.map((p) => ({ label: bucketLabel(p.start, 'HOUR'), scans: p.scans }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke={axis.grid} />
        <XAxis dataKey="label" tick={axis.tick} tickLine={false} axisLine={false} minTickGap={24} />
        <YAxis allowDecimals={false} tick={axis.tick} tickLine={false} axisLine={false} />
        <Tooltip {...axis.tooltip} />
        <Area
          type="monotone"
          dataKey="scans"
          name="Scans"
          stroke={theme.palette.primary.main}
          fill={theme.palette.primary.main}
          fillOpacity={0.15}
          isAnimationActive={false}
        />
      </AreaChart>
    </ResponsiveContainer>
  );
}
