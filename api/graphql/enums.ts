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
