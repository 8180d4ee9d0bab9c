import type { EventData, PatternEvent } from '../../../schema/events/registry';
import {
  decidePattern,
  PatternCommandError,
  type DecideContext,
  type PatternCommand,
} from '../../../schema/patterns/pattern-commands';
import { evolvePattern, initialPatternState } from '../../../schema/patterns/pattern-state';

const NOW = new Date('2025-05-05T05:05:05.000Z');
const context: DecideContext = {
  now: () => NOW,
  newId: () => '00000000-0000-4000-8000-000000000001',
};

const created = (overrides: Partial<EventData<'PatternCreated'>> = {}): PatternEvent => ({
  type: 'PatternCreated',
  data: {
    id: 'acme',
    name: 'ACME ids',
    regex: '\\bACME-[0-9]{6}\\b',
    flags: {},
    severity: 'HIGH',
    action: 'ALERT',
    enabled: true,
    ...overrides,
  },
});

/** Emmett-style: given(history).when(command).then(events) / .thenFails(code). */
function given(history: PatternEvent[]) {
  const state = history.reduce(evolvePattern, initialPatternState());
  return {
    when: (command: PatternCommand) => ({
      then: (expected: Array<Pick<PatternEvent, 'type' | 'data'>>) => {
        const events = decidePattern(command, state, context);
        expect(events.map(({ type, data }) => ({ type, data }))).toEqual(expected);
        for (const event of events) {
          expect(event.occurredAt).toEqual(NOW);
          expect(event.id).toBe('00000000-0000-4000-8000-000000000001');
        }
      },
      thenFails: (code: PatternCommandError['code'], message?: string | RegExp) => {
        let caught: unknown;
        try {
          decidePattern(command, state, context);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(PatternCommandError);
        expect((caught as PatternCommandError).code).toBe(code);
        if (message) expect((caught as PatternCommandError).message).toMatch(message);
      },
    }),
  };
}

describe('creating a pattern', () => {
  it('records PatternCreated with empty flags and enabled by default', () => {
    given([])
      .when({
        type: 'CreatePattern',
        pattern: {
          id: 'acme',
          name: 'ACME ids',
          regex: '\\bACME-[0-9]{6}\\b',
          severity: 'HIGH',
          action: 'ALERT',
        },
      })
      .then([created()]);
  });

  it('is refused when the regex does not compile under RE2, naming the field', () => {
    given([])
      .when({
        type: 'CreatePattern',
        pattern: { id: 'bad', name: 'Bad', regex: '(a)\\1', severity: 'LOW', action: 'LOG' },
      })
      .thenFails('invalid', /regex: .*backreference/i);
  });

  it('is refused when the validator does not exist', () => {
    given([])
      .when({
        type: 'CreatePattern',
        pattern: { id: 'v', name: 'V', regex: 'x+', validator: 'crc99', severity: 'LOW', action: 'LOG' },
      })
      .thenFails('invalid', /validator/);
  });

  it('is refused when the id is taken, or was used by a deleted pattern', () => {
    const command: PatternCommand = {
      type: 'CreatePattern',
      pattern: { id: 'acme', name: 'Again', regex: 'x', severity: 'LOW', action: 'LOG' },
    };
    given([created()]).when(command).thenFails('already_exists');
    given([created(), { type: 'PatternDeleted', data: { patternId: 'acme' } }])
      .when(command)
      .thenFails('deleted');
  });
});

describe('updating a pattern', () => {
  it('records a new revision with the changed fields', () => {
    given([created()])
      .when({ type: 'UpdatePattern', patternId: 'acme', changes: { severity: 'CRITICAL', action: 'BLOCK' } })
      .then([
        {
          type: 'PatternUpdated',
          data: {
            id: 'acme',
            name: 'ACME ids',
            regex: '\\bACME-[0-9]{6}\\b',
            flags: {},
            severity: 'CRITICAL',
            action: 'BLOCK',
            changedFields: ['severity', 'action'],
          },
        },
      ]);
  });

  it('removes an optional field given as null', () => {
    given([created({ description: 'old words' })])
      .when({ type: 'UpdatePattern', patternId: 'acme', changes: { description: null } })
      .then([
        {
          type: 'PatternUpdated',
          data: {
            id: 'acme',
            name: 'ACME ids',
            regex: '\\bACME-[0-9]{6}\\b',
            flags: {},
            severity: 'HIGH',
            action: 'ALERT',
            changedFields: ['description'],
          },
        },
      ]);
  });

  it('records nothing when nothing changes', () => {
    given([created()])
      .when({ type: 'UpdatePattern', patternId: 'acme', changes: { severity: 'HIGH' } })
      .then([]);
  });

  it('is refused for a regex RE2 rejects, for an id change, and for enabled', () => {
    given([created()])
      .when({ type: 'UpdatePattern', patternId: 'acme', changes: { regex: '(?<=x)y' } })
      .thenFails('invalid', /regex/);
    given([created()])
      .when({ type: 'UpdatePattern', patternId: 'acme', changes: { id: 'other' } })
      .thenFails('invalid', /cannot change/);
    given([created()])
      .when({ type: 'UpdatePattern', patternId: 'acme', changes: { enabled: false } })
      .thenFails('invalid', /own command/);
  });

  it('is refused for a pattern that does not exist', () => {
    given([]).when({ type: 'UpdatePattern', patternId: 'ghost', changes: {} }).thenFails('not_found');
  });
});

describe('enabling and disabling a pattern', () => {
  it('records PatternDisabled, then nothing when disabled again', () => {
    given([created()])
      .when({ type: 'DisablePattern', patternId: 'acme', reason: 'noisy' })
      .then([{ type: 'PatternDisabled', data: { patternId: 'acme', reason: 'noisy' } }]);
    given([created(), { type: 'PatternDisabled', data: { patternId: 'acme' } }])
      .when({ type: 'DisablePattern', patternId: 'acme' })
      .then([]);
  });

  it('records PatternEnabled for a disabled pattern only', () => {
    given([created({ enabled: false })])
      .when({ type: 'EnablePattern', patternId: 'acme' })
      .then([{ type: 'PatternEnabled', data: { patternId: 'acme' } }]);
    given([created()]).when({ type: 'EnablePattern', patternId: 'acme' }).then([]);
  });
});

describe('deleting a pattern', () => {
  it('records PatternDeleted once; deleting again changes nothing', () => {
    given([created()])
      .when({ type: 'DeletePattern', patternId: 'acme' })
      .then([{ type: 'PatternDeleted', data: { patternId: 'acme' } }]);
    given([created(), { type: 'PatternDeleted', data: { patternId: 'acme' } }])
      .when({ type: 'DeletePattern', patternId: 'acme' })
      .then([]);
  });

  it('leaves a deleted pattern closed to every other command', () => {
    given([created(), { type: 'PatternDeleted', data: { patternId: 'acme' } }])
      .when({ type: 'EnablePattern', patternId: 'acme' })
      .thenFails('deleted');
  });
});

describe('the state folded from a pattern stream', () => {
  it('keeps enabled and builtin across an update and counts revisions', () => {
    const state = [
      created({ builtin: true }),
      { type: 'PatternDisabled', data: { patternId: 'acme' } } as PatternEvent,
      {
        type: 'PatternUpdated',
        data: {
          id: 'acme',
          name: 'Renamed',
          regex: 'x',
          flags: {},
          severity: 'LOW',
          action: 'LOG',
          changedFields: ['name'],
        },
      } as PatternEvent,
    ].reduce(evolvePattern, initialPatternState());
    expect(state).toEqual({
      status: 'active',
      revision: 2,
      definition: {
        id: 'acme',
        name: 'Renamed',
        regex: 'x',
        flags: {},
        severity: 'LOW',
        action: 'LOG',
        enabled: false,
        builtin: true,
      },
    });
  });
});
