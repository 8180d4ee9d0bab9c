import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { StatsBucketEnum } from '../graphql/enums';
import type { StatsBucket } from '../services/types';

@ArgsType()
export class StatsArgs {
  @Field({ description: 'Start of the range (rounded down to the bucket).' })
  from!: Date;

  @Field({ description: 'End of the range, exclusive (rounded up to the bucket).' })
  to!: Date;

  @Field(() => StatsBucketEnum, { description: 'HOUR (up to 31 days) or DAY (up to 366 days).' })
  bucket!: StatsBucket;
}

@ArgsType()
export class TopArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: 10,
    description: 'How many to return, most first (1–100).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first!: number;
}
