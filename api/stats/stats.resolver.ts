import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../graphql/context';
import { badUserInput } from '../graphql/errors';
import { bucketCount } from '../services/stats.service';
import type { ChannelCountRecord, PatternCountRecord, StatsRecord } from '../services/types';
import { StatsArgs, TopArgs } from './stats.args';
import { ChannelCount, PatternCount, Stats } from './stats.type';

/** Series longer than this are refused: a client wanting more asks for a wider bucket. */
const MAX_BUCKETS = { HOUR: 31 * 24, DAY: 366 } as const;

@Resolver(() => Stats)
export class StatsResolver {
  @Authorized('stats:read')
  @Query(() => Stats, {
    description:
      'Scans and detections over time (per hour or UTC day, zero-filled), with totals, and detections by ' +
      'pattern, channel and action.',
  })
  stats(@Args() { from, to, bucket }: StatsArgs, @Ctx() { services }: ApiContext): Promise<StatsRecord> {
    if (from >= to)
      throw badUserInput('`from` must be before `to`.', [{ field: ['to'], message: 'must be after from' }]);
    if (bucketCount(from, to, bucket) > MAX_BUCKETS[bucket]) {
      throw badUserInput(
        `A ${bucket} series covers at most ${MAX_BUCKETS[bucket]} buckets; narrow the range or use a wider bucket.`,
        [{ field: ['from'], message: `range too long for bucket ${bucket}` }],
      );
    }
    return services.stats(from, to, bucket);
  }

  @FieldResolver(() => [PatternCount], { description: 'The patterns with the most detections in the range.' })
  byPattern(
    @Root() stats: StatsRecord,
    @Args() { first }: TopArgs,
    @Ctx() { services }: ApiContext,
  ): Promise<PatternCountRecord[]> {
    return services.topPatterns(stats.from, stats.to, first);
  }

  @FieldResolver(() => [ChannelCount], { description: 'The channels with the most detections in the range.' })
  byChannel(
    @Root() stats: StatsRecord,
    @Args() { first }: TopArgs,
    @Ctx() { services }: ApiContext,
  ): Promise<ChannelCountRecord[]> {
    return services.topChannels(stats.from, stats.to, first);
  }
}
