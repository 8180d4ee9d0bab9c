import { channelLabel } from '../../common/format';
import { count, field, flag, type EventProps } from './event-props';

export function MessageBlocked({ event }: EventProps) {
  return (
    <>
      Message deleted in {channelLabel(field(event, 'channelId'))}
      {field(event, 'noticeTs') ? ', notice left in its place' : ''}
      {flag(event, 'authorNotified') ? ', author told privately' : ''}
    </>
  );
}

export function MessageRedacted({ event }: EventProps) {
  return (
    <>
      Message replaced by a masked copy in {channelLabel(field(event, 'channelId'))} (
      {count(event, 'findingIds')} finding{count(event, 'findingIds') === 1 ? '' : 's'})
    </>
  );
}

export function FileBlocked({ event }: EventProps) {
  return (
    <>
      File {field(event, 'fileId')} deleted{flag(event, 'authorNotified') ? ', author told privately' : ''}
    </>
  );
}

export function AlertSent({ event }: EventProps) {
  return <>Alert posted to {channelLabel(field(event, 'alertChannelId'))}</>;
}

export function ActionFailed({ event }: EventProps) {
  return (
    <>
      {field(event, 'action')} failed: <code>{field(event, 'errorCode')}</code>
      {flag(event, 'retryable') ? ' (will retry)' : ''}
    </>
  );
}
