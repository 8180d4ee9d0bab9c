import type { NonEmptyArray } from 'type-graphql';
import { ApiKeyResolver } from '../api-keys/api-key.resolver';
import { AuditResolver } from '../audit/audit.resolver';
import { ChannelMonitoringResolver } from '../channels/channel-monitoring.resolver';
import { DetectionConnectionResolver, DetectionResolver } from '../detections/detection.resolver';
import { DetectorsResolver } from '../detectors/detectors.resolver';
import { MeResolver } from '../me/me.resolver';
import { PatternConnectionResolver, PatternResolver } from '../patterns/pattern.resolver';
import { ScanResolver } from '../scanning/scan.resolver';
import { StatsResolver } from '../stats/stats.resolver';

/** Every resolver of the public schema. Adding a domain is one line here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  MeResolver,
  DetectorsResolver,
  ScanResolver,
  PatternResolver,
  PatternConnectionResolver,
  DetectionResolver,
  DetectionConnectionResolver,
  AuditResolver,
  StatsResolver,
  ApiKeyResolver,
  ChannelMonitoringResolver,
];
