import { Chip, type ChipProps } from '@mui/material';
import type { Action, OutcomeStatus, Severity } from '../graphql/types';

type Colour = ChipProps['color'];

const SEVERITY_COLOUR: Record<Severity, Colour> = {
  LOW: 'default',
  MEDIUM: 'info',
  HIGH: 'warning',
  CRITICAL: 'error',
};

const ACTION_COLOUR: Record<Action, Colour> = {
  LOG: 'default',
  ALERT: 'info',
  REDACT: 'warning',
  BLOCK: 'error',
};

const OUTCOME: Record<OutcomeStatus, { label: string; colour: Colour }> = {
  PENDING: { label: 'Pending', colour: 'default' },
  DONE: { label: 'Done', colour: 'success' },
  FAILED: { label: 'Failed', colour: 'error' },
};

const title = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

export function SeverityChip({ value }: { value: Severity | undefined }) {
  if (!value) return null;
  return (
    <Chip
      size="small"
      label={title(value)}
      color={SEVERITY_COLOUR[value]}
      variant={value === 'CRITICAL' ? 'filled' : 'outlined'}
    />
  );
}

export function ActionChip({ value }: { value: Action | undefined }) {
  if (!value) return null;
  return <Chip size="small" label={title(value)} color={ACTION_COLOUR[value]} variant="outlined" />;
}

export function OutcomeChip({ value, error }: { value: OutcomeStatus | undefined; error?: string | null }) {
  if (!value) return null;
  const { label, colour } = OUTCOME[value];
  return <Chip size="small" label={label} color={colour} variant="outlined" title={error ?? undefined} />;
}

export const severityChoices = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'].map((id) => ({ id, name: title(id) }));
export const actionChoices = ['LOG', 'ALERT', 'REDACT', 'BLOCK'].map((id) => ({ id, name: title(id) }));
export const outcomeChoices = ['PENDING', 'DONE', 'FAILED'].map((id) => ({ id, name: title(id) }));
export const roleChoices = ['ADMIN', 'ANALYST', 'AUDITOR', 'INTEGRATION'].map((id) => ({
  id,
  name: title(id),
}));
