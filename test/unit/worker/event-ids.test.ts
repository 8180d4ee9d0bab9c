import { uuidV5, workIds } from '../../../worker/pipeline/event-ids';

describe('derived event ids', () => {
  it('are RFC 9562 version-5 UUIDs (the standard example: www.example.com in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('are the same for the same work and step, and differ between steps and between work', () => {
    const a = workIds('message:T1:Ev1');
    const again = workIds('message:T1:Ev1');
    const other = workIds('message:T1:Ev2');
    expect(again.scanned).toBe(a.scanned);
    expect(again.finding(3)).toBe(a.finding(3));
    expect(
      new Set([a.scanned, a.outcome, a.finding(0), a.finding(1), a.effect('notice'), other.scanned]).size,
    ).toBe(6);
  });
});
