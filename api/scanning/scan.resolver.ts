import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import { parsePattern } from '../../worker/dlp/pattern-schema';
import { compileScanner } from '../../worker/dlp/scanner';
import { ACTIONS, type Action, type Finding } from '../../worker/dlp/types';
import type { ApiContext } from '../graphql/context';
import { badUserInput } from '../graphql/errors';
import { PatternInput, toPatternDefinition } from '../patterns/pattern.input';
import { ScanTextResult, TestPatternResult } from './scan.types';

export const MAX_SCAN_TEXT = 1_000_000;

function strictest(findings: readonly Finding[]): Action | null {
  let best = -1;
  for (const f of findings) best = Math.max(best, ACTIONS.indexOf(f.action));
  return best >= 0 ? (ACTIONS[best] ?? null) : null;
}

@ArgsType()
class ScanTextArgs {
  @Field({ description: `The text to scan, at most ${MAX_SCAN_TEXT} characters.` })
  @MaxLength(MAX_SCAN_TEXT)
  text!: string;

  @Field(() => [ID], { nullable: true, description: 'Only these patterns; all active ones when omitted.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  patternIds?: string[];
}

@ArgsType()
class TestPatternArgs {
  @Field(() => PatternInput, { description: 'The pattern to try, as it would be saved.' })
  input!: PatternInput;

  @Field(() => [String], { description: 'Sample texts, at most 20 of at most 100,000 characters each.' })
  @ArrayMaxSize(20)
  @MaxLength(100_000, { each: true })
  samples!: string[];
}

@Resolver()
export class ScanResolver {
  @Authorized('scan:dry-run')
  @Query(() => ScanTextResult, {
    description:
      'Scans a text with the active patterns (or only those in `patternIds`) and returns masked findings. ' +
      'A dry run: nothing is stored, nothing happens in Slack.',
  })
  async scanText(
    @Args() { text, patternIds }: ScanTextArgs,
    @Ctx() { services }: ApiContext,
  ): Promise<ScanTextResult> {
    const active = await services.activePatterns();
    let patterns = active;
    if (patternIds) {
      const wanted = new Set(patternIds);
      patterns = active.filter((p) => wanted.has(p.id));
      const missing = patternIds.filter((id) => !patterns.some((p) => p.id === id));
      if (missing.length > 0) {
        throw badUserInput(`Unknown or disabled pattern ids: ${missing.join(', ')}.`, [
          { field: ['patternIds'], message: `unknown or disabled: ${missing.join(', ')}` },
        ]);
      }
    }
    const started = process.hrtime.bigint();
    const findings = compileScanner(patterns).scan(text);
    return {
      findings,
      action: strictest(findings),
      patternCount: patterns.length,
      durationMs: Number(process.hrtime.bigint() - started) / 1e6,
    };
  }

  @Authorized('patterns:read')
  @Query(() => TestPatternResult, {
    description:
      'Checks a pattern that is not saved yet and runs it over sample texts: the console’s live tester. Stores nothing.',
  })
  testPattern(@Args() { input, samples }: TestPatternArgs): TestPatternResult {
    const parsed = parsePattern(toPatternDefinition('pattern-under-test', input), 'pattern-under-test');
    if (!parsed.pattern) {
      return {
        valid: false,
        errors: parsed.errors.map((e) => ({
          field: ['input', ...e.field.split('.')],
          message: e.message,
          code: e.field === 'regex' ? 'INVALID_REGEX' : 'INVALID',
        })),
        samples: [],
      };
    }
    const scanner = compileScanner([{ ...parsed.pattern, enabled: true }]);
    return {
      valid: true,
      errors: [],
      samples: samples.map((sample, index) => ({ index, findings: scanner.scan(sample) })),
    };
  }
}
