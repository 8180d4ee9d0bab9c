/**
 * A seeded linear congruential generator for test data: the same seed gives the same text on every run.
 * @example const random = seededFraction(7); random() // → a number in [0, 1)
 */
export function seededFraction(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** The same sequence as whole numbers below `n`: `random(6)` picks one of six. */
export function seededBelow(seed: number): (n: number) => number {
  const fraction = seededFraction(seed);
  return (n) => Math.floor(fraction() * n);
}
