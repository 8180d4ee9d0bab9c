import {
  decodeEventData,
  encodeEventData,
  EVENT_TYPES,
  eventDefinitions,
  EventValidationError,
} from '../../../schema/events/registry';
import { leakDetectedData, patternCreatedData } from '../../support/event-fixtures';

describe('the event catalogue', () => {
  it('holds the product event types, each with a versioned schema', () => {
    expect([...EVENT_TYPES].sort()).toEqual(
      [
        'PatternCreated',
        'PatternUpdated',
        'PatternEnabled',
        'PatternDisabled',
        'PatternDeleted',
        'MessageScanned',
        'FileScanned',
        'LeakDetected',
        'MessageBlocked',
        'MessageRedacted',
        'FileBlocked',
        'AlertSent',
        'ActionFailed',
        'ScanFailed',
        'ContentRevealed',
        'ApiKeyCreated',
        'ApiKeyRevoked',
        'ChannelMonitoringChanged',
        // Beyond the list: the admin token's rotation is itself audited (issue 5).
        'SlackTokenRotated',
      ].sort(),
    );
    for (const type of EVENT_TYPES) expect(eventDefinitions[type].version).toBeGreaterThanOrEqual(1);
  });
});

describe('a PatternCreated written as v1 (before flags existed)', () => {
  const v1 = {
    id: 'old-style',
    name: 'Old style',
    regex: 'token-[a-z0-9]{16}',
    caseInsensitive: true,
    severity: 'MEDIUM',
    action: 'ALERT',
    enabled: false,
  };

  it('is read as v2 with the flag moved into flags', () => {
    const decoded = decodeEventData('PatternCreated', 1, v1);
    expect(decoded).toEqual({
      type: 'PatternCreated',
      data: {
        id: 'old-style',
        name: 'Old style',
        regex: 'token-[a-z0-9]{16}',
        flags: { caseInsensitive: true },
        severity: 'MEDIUM',
        action: 'ALERT',
        enabled: false,
      },
    });
  });

  it('gets empty flags when it was case-sensitive', () => {
    const { caseInsensitive: _dropped, ...caseSensitive } = v1;
    const decoded = decodeEventData('PatternCreated', 1, caseSensitive);
    expect(decoded.type === 'PatternCreated' && decoded.data.flags).toEqual({});
  });

  it('is refused as v2, which requires flags', () => {
    expect(() => encodeEventData('PatternCreated', v1)).toThrow(EventValidationError);
  });
});

describe('a LeakDetected payload', () => {
  it('is accepted with a masked match and redacted content', () => {
    expect(encodeEventData('LeakDetected', leakDetectedData()).version).toBe(1);
  });

  it('from a message needs the message ts, and from a file the file id', () => {
    expect(() => encodeEventData('LeakDetected', leakDetectedData({ messageTs: undefined }))).toThrow(
      'messageTs: a MESSAGE finding needs messageTs',
    );
    expect(() => encodeEventData('LeakDetected', leakDetectedData({ source: 'FILE' }))).toThrow(
      'fileId: a FILE finding needs fileId',
    );
  });

  it('has no field a raw secret could ride in', () => {
    expect(() =>
      encodeEventData('LeakDetected', { ...leakDetectedData(), match: '4111111111111111' }),
    ).toThrow('Unrecognized key: "match"');
  });
});

describe('a stored event from a newer release', () => {
  it('is reported instead of misread', () => {
    expect(() => decodeEventData('PatternEnabled', 9, { patternId: 'x' })).toThrow(
      'written by a newer release (this one reads up to v1)',
    );
  });
});

describe('a stored payload that no longer matches its schema', () => {
  it('fails validation on read', () => {
    expect(() =>
      decodeEventData('PatternCreated', 2, { ...patternCreatedData('x'), severity: 'SEVERE' }),
    ).toThrow(/PatternCreated v2 is not a valid event: severity/);
  });
});
