import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { LeakShieldDataProvider } from '../data/data-provider';

/**
 * The audit log's integrity check (a walk of the whole hash chain: seconds on a large log). Shared by the
 * dashboard, which runs it once per visit, and the audit log's button, which re-runs it on demand.
 */
export function useIntegrity({ auto }: { auto: boolean }) {
  const dataProvider = useDataProvider<LeakShieldDataProvider>();
  return useQuery({
    queryKey: ['auditLog', 'integrity'],
    queryFn: () => dataProvider.auditLogIntegrity(),
    enabled: auto,
    staleTime: 5 * 60_000,
    retry: false,
  });
}
