export * from './registry';
export * from './metadata';
export type { EventDefinition, OldVersion } from './define-event';
export type { FindingSource } from './common';
