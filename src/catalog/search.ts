/**
 * Plain-word search over the catalog ("redirect uri mismatch", "secret expired"): BM25 ranking with
 * MiniSearch over each entry's title, symbolic name, Entra's message template, match phrases, topic and
 * description, with prefix and fuzzy terms (typos) and a light English stemmer (word forms). The index is
 * built on first use, once per catalog, so explain, lookup and list never pay for it. Browser-safe.
 */
import MiniSearch from "minisearch";
import { PATTERNS } from "../patterns.js";
import type { CatalogEntry } from "../schema.js";
import { type Catalog, defaultCatalog } from "./index.js";

/** One search result: an entry and how well it matched (higher is better; only comparable within one search). */
export interface SearchResult {
  id: string;
  title: string;
  codes: number[];
  name?: string;
  score: number;
}

/** Options of {@link search}. */
export interface SearchOptions {
  /** At most this many results (default 10). */
  limit?: number;
  /** The catalog to search (default: the built-in one). */
  catalog?: Catalog;
}

const STOP_WORDS = new Set([
  "a",
  "an",
  "and",
  "are",
  "as",
  "at",
  "be",
  "by",
  "for",
  "from",
  "has",
  "i",
  "in",
  "is",
  "it",
  "its",
  "my",
  "of",
  "on",
  "or",
  "the",
  "this",
  "to",
  "was",
  "with",
]);

/** A light suffix stemmer: enough for "expired/expires/expiring" and "secrets/secret" to meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith("es") && !w.endsWith("ses")) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  // "expir" from "expired"/"expiring" and "expire" from "expires": one more step drops a final e.
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (STOP_WORDS.has(t) || t.length === 0) return null;
  return stem(t);
}

/**
 * How people say it → how the catalog says it (by stem): a query term also searches for these. Only
 * wording differences that hold across the whole catalog, never one entry's phrasing.
 */
const SYNONYMS: Record<string, string[]> = {
  mfa: ["multi", "factor"],
  "2fa": ["multi", "factor"],
  mismatch: ["match"],
  wrong: ["invalid", "incorrect"],
  bad: ["invalid"],
  logg: ["sign"],
  log: ["sign"],
  login: ["sign"],
  logon: ["sign"],
  admin: ["administrator"],
  app: ["application"],
  throttl: ["many", "request"],
  cert: ["certificate"],
  enroll: ["regist"],
  enrol: ["regist"],
  signup: ["regist"],
};

function processQueryTerm(term: string): string[] | null {
  const t = processTerm(term);
  if (t === null) return null;
  return [t, ...(SYNONYMS[t] ?? [])];
}

/**
 * A prior on top of the text score: the SDK guides' own rows are what people hit most, then Microsoft's
 * reference and our own entries (client-side failures, which list many phrases), entries written from a
 * bare message template less, and those marked low-confidence least.
 */
function prior(e: CatalogEntry): number {
  const guideRow = (e.kind === "error" || e.kind === "host") && e.source.guide !== "client-side";
  const base = guideRow ? 1.4 : e.source.guide === "published" ? 1 : 1.2;
  return e.confidence === "low" ? base * 0.6 : base;
}

interface Doc {
  id: string;
  title: string;
  name: string;
  message: string;
  phrases: string;
  topic: string;
  description: string;
  codes: string;
  prior: number;
}

function toDoc(e: CatalogEntry): Doc {
  return {
    id: e.id,
    title: e.title,
    // CamelCase names split into words: InvalidClientSecret → "invalid client secret".
    name: (e.name ?? "").replace(PATTERNS.camelBoundary, "$1 $2"),
    message: e.message ?? "",
    phrases: [...e.match.messages, ...e.match.errors, ...e.match.suberrors].join(" "),
    topic: e.topic ?? "",
    description: e.description,
    codes: e.match.codes.join(" "),
    prior: prior(e),
  };
}

const indexes = new WeakMap<Catalog, MiniSearch<Doc>>();

function indexFor(catalog: Catalog): MiniSearch<Doc> {
  let index = indexes.get(catalog);
  if (!index) {
    index = new MiniSearch<Doc>({
      fields: ["title", "name", "message", "phrases", "topic", "description", "codes"],
      // Words split on anything that is not a letter or digit: "redirect_uri" is "redirect uri".
      tokenize: (text) => text.split(PATTERNS.searchWordBreak),
      processTerm,
      storeFields: ["prior"],
      searchOptions: {
        processTerm: processQueryTerm,
        boostDocument: (_id, _term, stored) => (stored?.prior as number | undefined) ?? 1,
        boost: { title: 3, name: 2, message: 1.5, phrases: 1.5, topic: 1.5, description: 1, codes: 2 },
        prefix: (term) => term.length >= 4,
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
        combineWith: "OR",
      },
    });
    index.addAll(catalog.entries.map(toDoc));
    indexes.set(catalog, index);
  }
  return index;
}

/**
 * Rank catalog entries against plain words, best first. Never throws; an empty or non-string query gives
 * no results.
 *
 * @example
 * ```ts
 * import { search } from "aadsts";
 * search("redirect uri mismatch", { limit: 3 }).map((r) => r.id);
 * ```
 */
export function search(query: unknown, options: SearchOptions = {}): SearchResult[] {
  if (typeof query !== "string" || query.trim() === "") return [];
  const catalog = options.catalog ?? defaultCatalog;
  const limit = Math.max(0, Math.floor(options.limit ?? 10));
  const q = query.slice(0, 1000);
  try {
    const hits = indexFor(catalog).search(q);
    const out: SearchResult[] = [];
    for (const h of hits.slice(0, limit)) {
      const e = catalog.byId(String(h.id));
      if (!e) continue;
      out.push({
        id: e.id,
        title: e.title,
        codes: [...e.match.codes],
        ...(e.name ? { name: e.name } : {}),
        score: Math.round(h.score * 100) / 100,
      });
    }
    return out;
  } catch {
    return [];
  }
}
