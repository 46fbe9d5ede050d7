/**
 * An entry's `match` with every key filled in, and how to fill in the keys a catalog leaves out. No zod here:
 * the built-in catalog's lazy reader (src/catalog/builtin.ts) needs this, and `aadsts/catalog` must not pull
 * in the schemas.
 */
import type { Sdk } from "./vocab.js";

/** What an entry is matched on, with every list present. */
export interface EntryMatch {
  codes: number[];
  credentials: string[];
  messages: string[];
  hints: string[];
  status: number[];
  errors: string[];
  suberrors: string[];
  fallback: boolean;
  chainUnavailable: boolean;
  /** A generic code printed in front of the specific one (AADSTS70002). */
  wrapper: boolean;
  /** The libraries whose own error the entry explains (a tie-breaker between libraries' entries). */
  sdks: Sdk[];
}

/** A match as written: any key may be left out. */
export type WrittenMatch = { [K in keyof EntryMatch]?: EntryMatch[K] | undefined };

/** A `match` with nothing in it, and its own arrays. */
export function emptyMatch(): EntryMatch {
  return {
    codes: [],
    credentials: [],
    messages: [],
    hints: [],
    status: [],
    errors: [],
    suberrors: [],
    fallback: false,
    chainUnavailable: false,
    wrapper: false,
    sdks: [],
  };
}

/** A `match` with nothing in it. */
export const EMPTY_MATCH: Readonly<EntryMatch> = Object.freeze(emptyMatch());

/** A match as written (keys left out) laid over `base`: what is written replaces, the rest is kept. */
export function completeMatch(
  written: WrittenMatch | undefined,
  base: Readonly<EntryMatch> = EMPTY_MATCH,
): EntryMatch {
  const out = { ...base } as EntryMatch;
  for (const [key, value] of Object.entries(written ?? {}))
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  return out;
}
