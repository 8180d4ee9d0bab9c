import type { NonEmptyArray } from 'type-graphql';
import { DetectorsResolver } from '../detectors/detectors.resolver';
import { MeResolver } from '../me/me.resolver';
import { ScanResolver } from '../scanning/scan.resolver';

/** Every resolver of the public schema. Adding a domain is one line here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [MeResolver, DetectorsResolver, ScanResolver];
