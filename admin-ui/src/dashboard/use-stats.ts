import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { LeakShieldDataProvider } from '../data/data-provider';
import type { StatsBucket } from '../graphql/types';

/** The periods the dashboard offers. */
export const RANGES = {
  '24h': { label: '24 hours', hours: 24, bucket: 'HOUR' as StatsBucket },
  '7d': { label: '7 days', hours: 7 * 24, bucket: 'DAY' as StatsBucket },
  '30d': { label: '30 days', hours: 30 * 24, bucket: 'DAY' as StatsBucket },
};
export type RangeKey = keyof typeof RANGES;

/**
 * Stats for the last `hours` up to now. The key holds the range, not the instants: a refetch (new detection,
 * window focus) moves the window to the current time. Daily buckets start at a UTC midnight.
 */
export function useStats(hours: number, bucket: StatsBucket) {
  const dataProvider = useDataProvider<LeakShieldDataProvider>();
  return useQuery({
    queryKey: ['stats', hours, bucket],
    queryFn: ({ signal }) => {
      const to = new Date();
      const from = new Date(to.getTime() - hours * 3600_000);
      if (bucket === 'DAY') from.setUTCHours(0, 0, 0, 0);
      else from.setUTCMinutes(0, 0, 0);
      return dataProvider.stats({ from, to, bucket }, signal);
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
