import { Switch, Tooltip } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useNotify } from 'react-admin';
import type { LeakShieldDataProvider } from '../data/data-provider';
import type { Pattern } from '../graphql/types';

/** The list's inline on/off switch (PatternEnabled / PatternDisabled); read-only for keys that cannot edit. */
export function PatternEnabledToggle({ record }: { record: Pattern }) {
  const { canAccess } = useCanAccess({ resource: 'patterns', action: 'edit' });
  const dataProvider = useDataProvider<LeakShieldDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [optimistic, setOptimistic] = useState<boolean | null>(null);

  const toggle = useMutation({
    mutationFn: (enabled: boolean) => dataProvider.setPatternEnabled(String(record.id), enabled),
    onMutate: (enabled) => setOptimistic(enabled),
    onSuccess: (pattern) => {
      notify(`${pattern.name} ${pattern.enabled ? 'enabled' : 'disabled'}`, { type: 'success' });
      return queryClient.invalidateQueries({ queryKey: ['patterns'] });
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
    onSettled: () => setOptimistic(null),
  });

  const checked = optimistic ?? record.enabled;
  const control = (
    <Switch
      size="small"
      checked={checked}
      disabled={!canAccess || toggle.isPending}
      onClick={(e) => e.stopPropagation()}
      onChange={(e) => toggle.mutate(e.target.checked)}
      slotProps={{
        input: { role: 'switch', 'aria-label': `${checked ? 'Disable' : 'Enable'} ${record.name}` },
      }}
    />
  );
  return canAccess ? (
    control
  ) : (
    <Tooltip title="Your key cannot change patterns">
      <span>{control}</span>
    </Tooltip>
  );
}
