import { registerEnumType } from 'type-graphql';
import { ROLES, type Role } from '../auth/roles';
import { ACTIONS, SEVERITIES, type Action, type Severity } from '../../worker/dlp/types';

function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const SeverityEnum = enumObject<Severity>(SEVERITIES);
registerEnumType(SeverityEnum, {
  name: 'Severity',
  description: 'How bad a leak of this kind is.',
  valuesConfig: {
    LOW: { description: 'Worth knowing (an email address).' },
    MEDIUM: { description: 'Internal data that should not spread.' },
    HIGH: { description: 'Personal or financial data (card numbers, national ids).' },
    CRITICAL: { description: 'Credentials and keys that give access to systems.' },
  },
});

export const ActionEnum = enumObject<Action>(ACTIONS);
registerEnumType(ActionEnum, {
  name: 'Action',
  description: 'What LeakShield does when a pattern matches. The strictest action of all matches wins.',
  valuesConfig: {
    LOG: { description: 'Record the detection only.' },
    ALERT: { description: 'Leave the message and alert the admin channel.' },
    REDACT: { description: 'Replace the message with a copy whose matches are masked.' },
    BLOCK: { description: 'Delete the message, post a notice and tell the author privately.' },
  },
});

export const RoleEnum = enumObject<Role>(ROLES);
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What an API key may do.',
  valuesConfig: {
    ADMIN: { description: 'Everything, including patterns, channels and API keys.' },
    ANALYST: { description: 'Read everything and reveal stored raw content (audited).' },
    AUDITOR: { description: 'Read everything, masked data only.' },
    INTEGRATION: { description: 'Read detections, audit events and stats (SIEM, ticketing, BI).' },
  },
});

export const FindingSourceEnum = enumObject(['MESSAGE', 'FILE'] as const);
registerEnumType(FindingSourceEnum, {
  name: 'FindingSource',
  description: 'Where a finding was made.',
  valuesConfig: {
    MESSAGE: { description: 'The text of a Slack message (or an edit of one).' },
    FILE: { description: 'A file shared in Slack, after text extraction.' },
  },
});

export const OutcomeStatusEnum = enumObject(['PENDING', 'DONE', 'FAILED'] as const);
registerEnumType(OutcomeStatusEnum, {
  name: 'OutcomeStatus',
  description: 'What became of the action a detection’s policy asked for.',
  valuesConfig: {
    PENDING: { description: 'Not acted on yet.' },
    DONE: { description: 'The action succeeded (for LOG: recorded).' },
    FAILED: {
      description: 'The action failed (ActionFailed) and nothing has succeeded since: needs a look.',
    },
  },
});

export const DetectionOrderFieldEnum = enumObject(['DETECTED_AT', 'SEVERITY'] as const);
registerEnumType(DetectionOrderFieldEnum, {
  name: 'DetectionOrderField',
  description: 'What detections can be sorted by.',
  valuesConfig: {
    DETECTED_AT: { description: 'When the leak was detected.' },
    SEVERITY: { description: 'Severity (LOW < MEDIUM < HIGH < CRITICAL), then detection time.' },
  },
});

export const OrderDirectionEnum = enumObject(['ASC', 'DESC'] as const);
registerEnumType(OrderDirectionEnum, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesConfig: {
    ASC: { description: 'Smallest (or oldest) first.' },
    DESC: { description: 'Largest (or newest) first.' },
  },
});

export const StatsBucketEnum = enumObject(['HOUR', 'DAY'] as const);
registerEnumType(StatsBucketEnum, {
  name: 'StatsBucket',
  description: 'The width of one point of a statistics series, in UTC.',
  valuesConfig: {
    HOUR: { description: 'One point per hour (ranges up to 31 days).' },
    DAY: { description: 'One point per UTC day (ranges up to 366 days).' },
  },
});

export const ChannelMonitoringModeEnum = enumObject(['ALL', 'INCLUDE', 'EXCLUDE'] as const);
registerEnumType(ChannelMonitoringModeEnum, {
  name: 'ChannelMonitoringMode',
  description: 'Which Slack channels LeakShield scans.',
  valuesConfig: {
    ALL: { description: 'Every channel the app can read (the default).' },
    INCLUDE: { description: 'Only the listed channels.' },
    EXCLUDE: { description: 'Every channel except the listed ones.' },
  },
});
