export * from './types';
export * from './errors';
export { EventStore, readAllOn, decodeRow, type EventStoreOptions } from './event-store';
export { verifyChain, verifyChainOn, type ChainVerification } from './verify-chain';
export { GENESIS_HASH, hashEvent, type HashedEventFields } from './event-hash';
export { canonicalJson, CanonicalJsonError } from './canonical-json';
