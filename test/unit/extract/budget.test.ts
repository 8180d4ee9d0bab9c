import { ExtractBudget, ExtractError } from '../../../worker/dlp/extract/context';
import { DEFAULT_EXTRACT_LIMITS } from '../../../worker/dlp/extract/types';

function clock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the time budget of one input', () => {
  it('runs out when extracting takes longer than timeBudgetMs', () => {
    const time = clock();
    const budget = new ExtractBudget({ ...DEFAULT_EXTRACT_LIMITS, timeBudgetMs: 100 }, time.now);
    time.advance(99);
    expect(() => budget.checkTime()).not.toThrow();
    time.advance(1);
    expect(() => budget.checkTime()).toThrow('over timeBudgetMs (100)');
  });

  it('does not count the time the consumer spends scanning a chunk', () => {
    const time = clock();
    const budget = new ExtractBudget({ ...DEFAULT_EXTRACT_LIMITS, timeBudgetMs: 100 }, time.now);
    time.advance(60);
    budget.pause();
    time.advance(10_000);
    budget.resume();
    time.advance(30);
    expect(budget.elapsedMs()).toBe(90);
    expect(() => budget.checkTime()).not.toThrow();
  });
});

describe('the byte budget of one input', () => {
  it('is fatal once the input as a whole produces more than maxExtractedBytes', () => {
    const budget = new ExtractBudget({ ...DEFAULT_EXTRACT_LIMITS, maxExtractedBytes: 10 });
    budget.charge(10);
    let thrown: unknown;
    try {
      budget.charge(1);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ExtractError);
    expect(thrown).toEqual(expect.objectContaining({ fatal: true }));
    expect(String(thrown)).toContain('over maxExtractedBytes (10)');
  });
});
