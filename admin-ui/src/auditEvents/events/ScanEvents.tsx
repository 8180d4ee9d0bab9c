import { channelLabel, userLabel } from '../../common/format';
import { count, field, flag, type EventProps } from './event-props';

const findings = (n: number) => (n === 0 ? 'nothing found' : n === 1 ? '1 finding' : `${n} findings`);

export function MessageScanned({ event }: EventProps) {
  return (
    <>
      Message {flag(event, 'edited') ? 'edit ' : ''}from {userLabel(field(event, 'userId'))} in{' '}
      {channelLabel(field(event, 'channelId'))} scanned: {findings(count(event, 'findingsCount'))}
      {flag(event, 'truncated') ? ' (extra parts too large, not scanned)' : ''}
    </>
  );
}

export function FileScanned({ event }: EventProps) {
  const skipped = field(event, 'skipped');
  return (
    <>
      File <strong>{field(event, 'fileName') ?? field(event, 'fileId')}</strong> scanned:{' '}
      {findings(count(event, 'findingsCount'))}
      {skipped ? ` (not scanned in full: ${skipped})` : ''}
    </>
  );
}

export function LeakDetected({ event }: EventProps) {
  return (
    <>
      <strong>{field(event, 'patternName')}</strong> found ({field(event, 'severity')?.toLowerCase()}):{' '}
      <code>{field(event, 'maskedMatch')}</code> — policy asks to {field(event, 'action')?.toLowerCase()}
    </>
  );
}

export function ScanFailed({ event }: EventProps) {
  return (
    <>
      Scan failed at {field(event, 'stage')} ({field(event, 'errorCode')}), attempt {field(event, 'attempt')}
      {flag(event, 'final') ? ', no more retries' : ', will retry'}
    </>
  );
}
