import { channelLabel } from '../../common/format';
import { field, flag, type EventProps } from './event-props';

export function ContentRevealed({ event }: EventProps) {
  return <>Raw content revealed — reason: “{field(event, 'reason')}”</>;
}

export function ApiKeyCreated({ event }: EventProps) {
  return (
    <>
      API key <strong>{field(event, 'name')}</strong> created (<code>{field(event, 'keyPrefix')}…</code>)
    </>
  );
}

export function ApiKeyRevoked({ event }: EventProps) {
  const reason = field(event, 'reason');
  return (
    <>
      API key {field(event, 'apiKeyId')?.slice(0, 8)} revoked{reason ? ` — ${reason}` : ''}
    </>
  );
}

export function ChannelMonitoringChanged({ event }: EventProps) {
  return (
    <>
      {channelLabel(field(event, 'channelId'))}{' '}
      {flag(event, 'monitored') ? 'now monitored' : 'no longer monitored'}
    </>
  );
}

export function SlackTokenRotated({ event }: EventProps) {
  return (
    <>
      Slack admin token rotated ({field(event, 'reason')}, generation {field(event, 'generation')})
    </>
  );
}
