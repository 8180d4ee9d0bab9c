import RE2 from 're2';
import { withoutGroupNames } from './group-split';
import { longMatchWitnesses, type DerivedRegex } from './long-match-witness';

/** What the prefilter knows of one pattern. */
export interface PrefilterPattern {
  index: number;
  /** Names the pattern in errors. */
  id: string;
  /** The pattern as the prefilter runs it: flags inlined, large repeats opened up; matches wherever it does. */
  source: string;
  /** The pattern's own regex, flags inlined, which the witnesses and prefix of long matches are read from. */
  regex: string;
  /** Upper bound on a match's length in bytes. */
  maxBytes: number;
  /**
   * For a long pattern: a regex every match starts with, at most SHORT_LIMIT bytes long (see matchPrefix). The
   * blocks where it occurs are where the pattern's matches start.
   */
  prefix: string | null;
  /** Whether the blocks where the prefix occurs are wanted (the union pass looks for the pattern there). */
  placedByPrefix: boolean;
  /**
   * For a long pattern located by its case-insensitive literal: the literal finder, at most SHORT_LIMIT bytes
   * long. The blocks where it matches are where the literal's occurrences are.
   */
  finder: string | null;
}

/** A block of the window and the patterns to look for in it (see PrefilterResult). */
export interface BlockHits {
  start: number;
  end: number;
  /** Ascending. */
  patterns: number[];
}

export interface PrefilterResult {
  /** The patterns that may match somewhere in the window, ascending. */
  patterns: number[];
  /**
   * Blocks that may hold a match of a short pattern (at most SHORT_LIMIT bytes) ending in them, or an
   * occurrence of a hit pattern's finder literal ending in them; every such match or occurrence starts at most
   * SHORT_LIMIT bytes before its block. Blocks with nothing to look for are left out.
   */
  blocks: BlockHits[];
}

/**
 * Matches up to this many bytes are seen whole by the prefilter in the block where they end: each block's view
 * starts this many bytes (plus a little context) before the block.
 */
export const SHORT_LIMIT = 128;
/** Bytes of context before the short-match reach, so `\b` and `^` at a view's start mean what they say. */
const CONTEXT = 64;
/** Bytes of the block before that each block's view starts with. */
export const PREFILTER_LEAD = SHORT_LIMIT + CONTEXT;
/** Witnesses that match fewer bytes than this are not used (see the constructor). */
const STRONG_WITNESS_BYTES = 16;

const enum Role {
  /** The pattern itself matches in the view. */
  Match = 1,
  /** Every match starts with this (see matchPrefix): it occurs in the view. */
  Prefix = 2,
  /** Every long match holds one of these: see longMatchWitnesses. */
  Witness = 4,
  /** The pattern's finder literal occurs in the view. */
  Finder = 8,
}

interface Entry {
  source: string;
  uses: { pattern: number; role: Role }[];
}

/** One RE2.Set and which entries (or patterns, for the wide set) it holds. */
interface SetPart {
  set: InstanceType<typeof RE2.Set>;
  members: number[];
}

/**
 * The first pass over every byte: one RE2.Set of every pattern, run block by block (a few KB each, each seen with
 * a short lead of the block before), so it says not only which patterns may match in a window but, for short
 * patterns, in which blocks. The scanner then runs its locating pass over those blocks only, instead of the whole
 * window: on chat text the short patterns that hit (phone numbers, cards) hit in about a third of 4 KB blocks.
 *
 * A match longer than the lead can straddle two blocks and be seen whole in neither. For such a pattern the set
 * holds a prefix every match starts with and, where they are cheap, short witnesses every long match contains
 * (long-match-witness). With witnesses, the pattern itself is in the set too, and it counts as hit where it
 * matched or where its prefix and a witness both occurred; with the prefix alone, where the prefix occurred (a
 * match seen whole starts with it in the same view, so the pattern would add nothing). So nothing is missed, and
 * prefixes and witnesses are rare in text. A pattern with neither goes to a second set run over the whole window,
 * as every pattern once did.
 */
export class BlockPrefilter {
  private readonly entries: Entry[] = [];
  private blockSets: SetPart[];
  private wideSets: SetPart[];
  /** Per pattern: the roles whose hits place it in a block (see PrefilterResult). */
  private readonly places: Uint8Array;
  /** Per long pattern: the roles that must all have occurred for a match to be possible outside every view. */
  private readonly needs: Uint8Array;
  private readonly state: Uint8Array;

  constructor(
    private readonly patterns: readonly PrefilterPattern[],
    readonly blockBytes: number,
  ) {
    const count = patterns.length;
    this.places = new Uint8Array(count);
    this.needs = new Uint8Array(count);
    this.state = new Uint8Array(count);
    const bySource = new Map<string, Entry>();
    const add = (source: string, pattern: number, role: Role): void => {
      let entry = bySource.get(source);
      if (!entry) {
        entry = { source, uses: [] };
        bySource.set(source, entry);
        this.entries.push(entry);
      }
      entry.uses.push({ pattern, role });
    };
    const wide: number[] = [];
    for (const p of patterns) {
      if (p.maxBytes <= SHORT_LIMIT) {
        this.places[p.index] = Role.Match;
        add(p.source, p.index, Role.Match);
        continue;
      }
      this.places[p.index] = (p.finder ? Role.Finder : 0) | (p.prefix && p.placedByPrefix ? Role.Prefix : 0);
      if (p.finder) add(p.finder, p.index, Role.Finder);
      const witnesses = longMatchWitnesses(p.regex, SHORT_LIMIT);
      const strong = witnesses?.every(isCheapWitness) ? witnesses : null;
      if (!strong && !p.prefix) {
        wide.push(p.index);
        continue;
      }
      // A match seen whole in a view begins with the prefix, in the same view: with the prefix alone to go by, the
      // pattern itself adds nothing, and the set is spared its (longest, costliest) source.
      if (strong) add(p.source, p.index, Role.Match);
      if (p.prefix) add(withoutGroupNames(p.prefix), p.index, Role.Prefix);
      for (const w of strong ?? []) add(withoutGroupNames(w.source), p.index, Role.Witness);
      this.needs[p.index] = (p.prefix ? Role.Prefix : 0) | (strong ? Role.Witness : 0);
    }
    this.blockSets =
      this.entries.length > 0
        ? this.buildSets(
            this.entries.map((_, i) => i),
            false,
          )
        : [];
    this.wideSets = wide.length > 0 ? this.buildSets(wide, true) : [];
  }

  /**
   * Which patterns may match in `window`, and where short ones may. Blocks that hold a pattern's long-finder
   * occurrences are listed only when the pattern is hit.
   */
  scan(window: Buffer): PrefilterResult {
    const state = this.state.fill(0);
    const raw: BlockHits[] = [];
    for (let start = 0; start === 0 || start < window.length; start += this.blockBytes) {
      const end = Math.min(window.length, start + this.blockBytes);
      const hits = this.match(
        this.blockSets,
        false,
        window.subarray(Math.max(0, start - PREFILTER_LEAD), end),
      );
      let inBlock: number[] | null = null;
      for (const e of hits) {
        for (const { pattern, role } of this.entries[e]?.uses ?? []) {
          state[pattern] = (state[pattern] ?? 0) | role;
          if (role & (this.places[pattern] ?? 0)) (inBlock ??= []).push(pattern);
        }
      }
      if (inBlock) raw.push({ start, end, patterns: inBlock });
    }
    for (const pattern of this.match(this.wideSets, true, window)) {
      state[pattern] = (state[pattern] ?? 0) | Role.Match;
    }
    const hit = (p: number): boolean => {
      const s = state[p] ?? 0;
      const needs = this.needs[p] ?? 0;
      return (s & Role.Match) !== 0 || (needs !== 0 && (s & needs) === needs);
    };
    const patterns: number[] = [];
    for (let p = 0; p < state.length; p += 1) if (hit(p)) patterns.push(p);
    const blocks: BlockHits[] = [];
    for (const block of raw) {
      const kept = block.patterns.filter(hit).sort((a, b) => a - b);
      const unique = kept.filter((p, i) => i === 0 || kept[i - 1] !== p);
      if (unique.length > 0) blocks.push({ ...block, patterns: unique });
    }
    return { patterns, blocks };
  }

  /** The members hit in `view`, splitting any set whose DFA runs out of memory on this text. */
  private match(parts: SetPart[], wide: boolean, view: Buffer): number[] {
    const hits: number[] = [];
    for (let k = 0; k < parts.length; k += 1) {
      const part = parts[k]!;
      const local = matchPart(part, view);
      if (local) {
        for (const i of local) hits.push(part.members[i] ?? -1);
      } else if (part.members.length === 1) {
        // A set of one that still runs out of memory: let the member count as hit; the pattern itself (which RE2
        // can run without its DFA) decides.
        hits.push(...part.members);
      } else {
        // This text made the set's DFA run out of memory: split the set in two for good, and retry this part.
        const half = Math.ceil(part.members.length / 2);
        parts.splice(
          k,
          1,
          ...this.buildSets(part.members.slice(0, half), wide),
          ...this.buildSets(part.members.slice(half), wide),
        );
        k -= 1;
      }
    }
    return hits;
  }

  /** Sets holding `members` (entries, or patterns for the wide set): one, or several when RE2 cannot hold them. */
  private buildSets(members: number[], wide: boolean): SetPart[] {
    const sourceOf = (m: number): string =>
      (wide ? this.patterns[m]?.source : this.entries[m]?.source) ?? '[^\\x00-\\x{10FFFF}]';
    try {
      return [{ members, set: new RE2.Set(members.map(sourceOf), 'u') }];
    } catch (error) {
      if (members.length === 1) {
        const m = members[0]!;
        const pattern = this.patterns[wide ? m : (this.entries[m]?.uses[0]?.pattern ?? -1)];
        throw new PrefilterTooLargeError(pattern?.id ?? String(m), error);
      }
      const half = Math.ceil(members.length / 2);
      return [...this.buildSets(members.slice(0, half), wide), ...this.buildSets(members.slice(half), wide)];
    }
  }
}

const WORDISH = ['a'.repeat(64), 'Z'.repeat(64), '0'.repeat(64), 'aZ0'.repeat(22)].map((t) => Buffer.from(t));

/**
 * Whether a witness costs the set little and tells much. One that can match a few bytes matches all the time, and
 * makes the set's DFA crawl (measured on chat text: a set of every pattern fell from ~390 to ~150 MB/s with one
 * such witness added). A run of letters or digits is rare enough, but counting it along every word multiplies the
 * DFA's states (fresh chat text scanned ~35% slower with the five such runs of the built-in library); a run of
 * spaces or punctuation costs nothing. Only the cheap ones are used.
 */
function isCheapWitness(witness: DerivedRegex): boolean {
  if (witness.minBytes < STRONG_WITNESS_BYTES) return false;
  const regex = new RE2(witness.source, 'u');
  return !WORDISH.some((text) => regex.test(text));
}

/** A single pattern (or a part of one the prefilter derives) that RE2.Set cannot hold at all. */
export class PrefilterTooLargeError extends Error {
  constructor(
    readonly patternId: string,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'PrefilterTooLargeError';
  }
}

/** The set's local hits, or null when its DFA ran out of memory on this text. */
function matchPart(part: SetPart, view: Buffer): number[] | null {
  try {
    return part.set.match(view);
  } catch (error) {
    if (error instanceof Error && /out of memory/i.test(error.message)) return null;
    throw error;
  }
}
