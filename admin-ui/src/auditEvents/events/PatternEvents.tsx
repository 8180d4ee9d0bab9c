import { field, type EventProps } from './event-props';

export function PatternCreated({ event }: EventProps) {
  return (
    <>
      Pattern <strong>{field(event, 'name')}</strong> created ({field(event, 'severity')?.toLowerCase()},{' '}
      {field(event, 'action')?.toLowerCase()})
    </>
  );
}

export function PatternUpdated({ event }: EventProps) {
  const changed = Array.isArray(event.data.changedFields) ? (event.data.changedFields as string[]) : [];
  return (
    <>
      Pattern <strong>{field(event, 'name')}</strong> updated
      {changed.length > 0 ? `: ${changed.join(', ')}` : ''}
    </>
  );
}

export function PatternEnabled() {
  return <>Pattern enabled</>;
}

export function PatternDisabled({ event }: EventProps) {
  const reason = field(event, 'reason');
  return <>Pattern disabled{reason ? ` — ${reason}` : ''}</>;
}

export function PatternDeleted() {
  return <>Pattern deleted</>;
}
