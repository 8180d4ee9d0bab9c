import { randomUUID } from 'node:crypto';
import type { EventData } from '../../schema/events/registry';
import type { EventMetadata } from '../../schema/events/metadata';

export const systemMetadata: EventMetadata = { actor: { type: 'system', id: 'system' } };
export const adminMetadata: EventMetadata = {
  actor: { type: 'slack_user', id: 'U024BE7LH' },
  correlationId: 'Ev08MFMKH6',
};

export function patternCreatedData(
  id: string,
  overrides: Partial<EventData<'PatternCreated'>> = {},
): EventData<'PatternCreated'> {
  return {
    id,
    name: `Pattern ${id}`,
    regex: '\\bACME-[0-9]{6}\\b',
    flags: {},
    severity: 'HIGH',
    action: 'ALERT',
    enabled: true,
    ...overrides,
  };
}

export function leakDetectedData(
  overrides: Partial<EventData<'LeakDetected'>> = {},
): EventData<'LeakDetected'> {
  return {
    findingId: randomUUID(),
    source: 'MESSAGE',
    teamId: 'T0001',
    channelId: 'C0001',
    userId: 'U0001',
    messageTs: '1700000000.000100',
    patternId: 'credit-card',
    patternName: 'Credit card number',
    severity: 'CRITICAL',
    action: 'BLOCK',
    confidence: 0.95,
    maskedMatch: '4111 **** **** 1111',
    redactedContent: 'my card is 4111 **** **** 1111',
    ...overrides,
  };
}
