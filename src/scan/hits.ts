/**
 * Stage 3 of scan(): blocks → hits. A block's text is cut into failures (parts), each is parsed and
 * matched (through the memo: one parse and match per kind of failure, see memo.ts), and what is a
 * failure becomes a hit. Parts of one block that share a trace ID are one failure printed twice.
 */
import type { Catalog } from "../catalog/index.js";
import { match } from "../match/index.js";
import { failureId, splitFailures } from "../parse/failures.js";
import { parseWithText } from "../parse/index.js";
import { manyKinds } from "../parse/producers/index.js";
import type { Match, ParsedAuthError } from "../schema.js";
import type { Block } from "./blocks.js";
import type { Line } from "./lines.js";
import { type Analysis, catalogGuids, FailureMemo, type Reused, reusedJson } from "./memo.js";

const EXCERPT = 2_000;

/** One failure found by scan(): where it is, what it says and what explains it. */
export interface Hit {
  file?: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  parsed: ParsedAuthError;
  matches: Match[];
  /** The failure's text, redacted, at most 2,000 characters. */
  excerpt: string;
  /** The block or a line in it was longer than the limits and was cut. */
  truncated?: boolean;
}

/**
 * Is this candidate worth reporting: a code, an OAuth error, an error status, or a catalog match at
 * message strength? Info lines that merely mention a credential are not failures.
 */
export function isFailure(parsed: ParsedAuthError, matches: Match[]): boolean {
  if (parsed.codes.length > 0 || parsed.error !== undefined) return true;
  if (parsed.status !== undefined && parsed.status >= 400) return true;
  return (matches[0]?.score ?? 0) >= 45;
}

/** The GUIDs each catalog names, found once per catalog (its entries are fixed once it is built). */
const catalogGuidSets = new WeakMap<Catalog, Set<string>>();
export function guidsOf(catalog: Catalog): Set<string> {
  let set = catalogGuidSets.get(catalog);
  if (!set) {
    set = catalogGuids(catalog.entries.map((e) => JSON.stringify(e)));
    catalogGuidSets.set(catalog, set);
  }
  return set;
}

export interface HitOptions {
  catalog: Catalog;
  redact: boolean;
  file?: string;
  /** Reuse the parse and match of a failure's template (default true); false parses every failure. */
  memo: boolean;
  /**
   * @internal Hits answered from the memo share their template's matches and nested parsed objects (which
   * may hold the template's holes): for a reader that only reads their top-level fields and writes them
   * with hitJson (the CLI). A library caller gets its own copy of every hit.
   */
  shared?: boolean;
}

/**
 * A hit as scan() makes it: its fields, and (private, not enumerable, not in its JSON) how the memo
 * answered it, to write its JSON from its template. A private field, not a WeakMap from hit to answer:
 * a WeakMap entry per hit cost as much as the rest of a reused hit's bookkeeping, in the collector.
 */
class ScanHit implements Hit {
  // Declared only: set when they apply, after the others (the key order of a plain object literal).
  declare file?: string;
  declare truncated?: boolean;
  readonly #how: Reused | undefined;
  constructor(
    public startLine: number,
    public endLine: number,
    public parsed: ParsedAuthError,
    public matches: Match[],
    public excerpt: string,
    how: Reused | undefined,
  ) {
    this.#how = how;
  }

  static how(hit: Hit): Reused | undefined {
    return hit instanceof ScanHit ? hit.#how : undefined;
  }
}

/**
 * The JSON text of a hit's `parsed` and `excerpt`, exactly as JSON.stringify writes them, made from its
 * template's JSON (the constant part is serialised once per kind of failure); undefined when the hit was
 * not answered from the memo. Only for a hit as scan() gave it, not changed since.
 */
export function hitJson(hit: Hit): { parsed: string; excerpt: string } | undefined {
  const how = ScanHit.how(hit);
  return how && !how.first ? reusedJson(how) : undefined;
}

/**
 * @internal The template and values of a hit scan() answered from its memo, or of the print its template
 * was made from (`first`; undefined for any other hit): for a writer that keeps each template's JSON
 * encoded and puts in only the values (the CLI). Only for a hit as scan() gave it, not changed since.
 */
export function hitTemplate(hit: Hit): Reused | undefined {
  return ScanHit.how(hit);
}

export class HitReader {
  readonly memo: FailureMemo | undefined;
  private readonly compute: (text: string) => Analysis | undefined;

  constructor(private readonly options: HitOptions) {
    const { catalog, redact } = options;
    // A log holds many kinds of failure, each parsed once (memo.ts): see manyKinds.
    manyKinds();
    this.memo = options.memo ? new FailureMemo(guidsOf(catalog)) : undefined;
    this.compute = (part) => {
      // parseWithText and match are boundaries: they return no fields or no matches rather than throw.
      const { parsed, text } = parseWithText(part, { redact }, true);
      const matches = match(parsed, { catalog, text, limit: 3 });
      return { parsed, matches, excerpt: text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text };
    };
  }

  /** The reuse of the part being read (set by the memo when it answers from a template). */
  private reused: Reused | undefined;
  private readonly onReuse = (how: Reused) => {
    this.reused = how;
  };

  /** The hits of one block, in order. */
  read(block: Block): Hit[] {
    const { lines } = block;
    const text = lines.length === 1 ? (lines[0] as Line).text : lines.map((l) => l.text).join("\n");
    const hits: Hit[] = [];
    // The IDs of this block's failures: a second part with one of them is the same failure printed again.
    let first: string | undefined;
    let seen: Set<string> | undefined;
    const shared = this.options.shared === true;
    for (const part of splitFailures(text)) {
      this.reused = undefined;
      const found = this.memo
        ? this.memo.analyse(part, this.compute, this.onReuse, shared)
        : this.compute(part);
      if (!found) continue;
      const { parsed, matches, excerpt } = found;
      const id = failureId(parsed);
      if (id !== undefined && (id === first || seen?.has(id))) continue;
      if (!isFailure(parsed, matches)) continue;
      if (id !== undefined) {
        if (first === undefined) first = id;
        else {
          seen ??= new Set();
          seen.add(id);
        }
      }
      const hit = new ScanHit(
        (lines[0] as Line).no,
        (lines[lines.length - 1] as Line).no,
        parsed,
        matches,
        excerpt,
        this.reused,
      );
      if (this.options.file) hit.file = this.options.file;
      if (block.truncated) hit.truncated = true;
      hits.push(hit);
    }
    return hits;
  }
}
