import type { PatternDefinition } from '../types';

// FIXME: filled in by the built-in detector library.
export const builtinDetectors: readonly PatternDefinition[] = [];
