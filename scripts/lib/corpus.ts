/**
 * The real-world corpus (test/corpus/): loading, the fixed development/held-out split, and scoring a
 * parser against the annotations, field by field. `npm run eval` prints the report; test/corpus.test.ts
 * holds the figures as a floor. The rules the annotations follow are in test/corpus/README.md.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Explanation, ParsedAuthError, Sdk } from "../../src/index.js";
import { PRODUCERS } from "../../src/parse/producers/index.js";

export const CORPUS_DIR = new URL("../../test/corpus/cases/", import.meta.url).pathname;
/** The figures a change may not go below (written by `npm run eval -- --write-floor`). */
export const FLOOR_FILE = new URL("../../test/corpus/floor.json", import.meta.url).pathname;
/** The answers judged by reading, one file per session that judged them (test/corpus/README.md). */
export const JUDGED_DIR = new URL("../../test/corpus/judged/", import.meta.url).pathname;
/** The second, blind reading of every case and where the fix comes from (test/corpus/README.md). */
export const AGREEMENT_DIR = new URL("../../test/corpus/agreement/", import.meta.url).pathname;

/** The fields every annotation states (null: not in the text), scored in this order. */
export const FIELDS = [
  "codes",
  "traceId",
  "correlationId",
  "timestamp",
  "credential",
  "error",
  "suberror",
  "status",
  "tenant",
  "clientId",
  "sdk",
] as const;
export type Field = (typeof FIELDS)[number];

/** What printed the text (test/corpus/README.md), and the parser's `sdk` value that is right for it. */
export const PRODUCER_SDK: Record<string, Sdk | null> = {
  go: "go",
  js: "js",
  python: "python",
  dotnet: "dotnet",
  java: "java",
  "msal-go": "msal-go",
  "msal-js": "msal-js",
  "msal-python": "msal-python",
  "msal-dotnet": "msal-dotnet",
  "msal-java": "msal-java",
  "azure-cli": "azure-cli",
  powershell: "powershell",
  terraform: "terraform",
  browser: "browser",
  php: null,
  http: null,
  kubernetes: null,
  functions: null,
  other: null,
};

export interface Annotation {
  source: string;
  repo: string | null;
  producer: string;
  fields: {
    codes: number[];
    traceId: string | null;
    correlationId: string | null;
    timestamp: string | null;
    credential: string | null;
    error: string | null;
    suberror: string | null;
    status: number | null;
    tenant: string | null;
    clientId: string | null;
    /** The SDK family the text itself shows (a class, frame, module, command, or wording only it prints). */
    sdk: Sdk | null;
  };
  cause: string | null;
  fix: string[];
}

export interface Case {
  id: string;
  text: string;
  annotation: Annotation;
  half: "dev" | "held-out";
}

export type Half = Case["half"];

/** The split rule: the first byte of SHA-256(id) even → development, odd → held-out. Never changes. */
export function halfOf(id: string): Half {
  const first = createHash("sha256").update(id).digest()[0] ?? 0;
  return first % 2 === 0 ? "dev" : "held-out";
}

/** Every case, sorted by id, with its annotation checked for the keys the rules require. */
export function loadCorpus(dir = CORPUS_DIR): Case[] {
  const cases: Case[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".txt")) continue;
    const id = file.slice(0, -4);
    const annotation = JSON.parse(readFileSync(join(dir, `${id}.json`), "utf8")) as Annotation;
    const problem = annotationProblem(annotation);
    if (problem) throw new Error(`test/corpus/cases/${id}.json: ${problem}`);
    cases.push({ id, text: readFileSync(join(dir, file), "utf8"), annotation, half: halfOf(id) });
  }
  return cases;
}

function annotationProblem(a: Annotation): string | undefined {
  if (typeof a.source !== "string" || !a.source.startsWith("https://")) return "source must be an https URL";
  if (!(a.producer in PRODUCER_SDK)) return `unknown producer ${JSON.stringify(a.producer)}`;
  if (!a.fields || !Array.isArray(a.fields.codes)) return "fields.codes must be an array";
  for (const f of FIELDS) if (!(f in a.fields)) return `fields.${f} is missing (null if absent)`;
  if (!Array.isArray(a.fix)) return "fix must be an array";
  return undefined;
}

/** A field's value in comparable form: IDs and tenants fold case, timestamps use `T`. */
function canonical(field: Field, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (field === "codes") {
    const codes = value as number[];
    return codes.length === 0 ? undefined : codes.join(",");
  }
  const s = String(value).trim();
  if (s === "") return undefined;
  if (field === "timestamp") return s.replace(" ", "T");
  // An ID cut short right after a dash is the same ID without it.
  if (field === "traceId" || field === "correlationId") return s.replace(/-$/, "").toLowerCase();
  if (field === "credential" || field === "sdk") return s;
  return s.toLowerCase();
}

export type Outcome = "right" | "wrong" | "missed" | "invented" | "absent";

/** How one reported value compares with the annotation. */
export function compare(field: Field, want: unknown, got: unknown): Outcome {
  const w = canonical(field, want);
  const g = canonical(field, got);
  if (w === undefined && g === undefined) return "absent";
  if (w === undefined) return "invented";
  if (g === undefined) return "missed";
  return w === g ? "right" : "wrong";
}

/** The annotation's expected value of a field: what the text alone shows (sdk included). */
export function expected(c: Case, field: Field): unknown {
  return c.annotation.fields[field];
}

/**
 * The parser's `sdk` against what the thread says printed the text (`producer`), not what the text
 * shows: a text with no mark of its producer cannot be read right, so this is a ceiling-bound figure
 * reported beside the text-alone one.
 */
export function sdkAgainstProducer(cases: Case[], read: (c: Case) => Reading & { host?: string }): Tally {
  const t = emptyTally();
  for (const c of cases) {
    const r = read(c);
    // A host (a Kubernetes add-on) printed the text when the parser names one, whatever SDK's wording it shows.
    const want = HOST_PRODUCERS.has(c.annotation.producer)
      ? c.annotation.producer
      : PRODUCER_SDK[c.annotation.producer];
    t[compare("sdk", want ?? null, r.host ?? r.sdk)]++;
  }
  return t;
}

/** Producers that are hosts (the registry's `host` flag): reported as `host`, beside the SDK whose wording they print. */
export const HOST_PRODUCERS: ReadonlySet<string> = new Set(
  PRODUCERS.filter((p) => p.host).map((p) => p.name),
);

/** What a reader reports, in the parse result's field names. */
export type Reading = Partial<Record<Field, unknown>>;

export interface Tally {
  right: number;
  wrong: number;
  missed: number;
  invented: number;
  absent: number;
}

const emptyTally = (): Tally => ({ right: 0, wrong: 0, missed: 0, invented: 0, absent: 0 });

/** Share right among the cases where the annotation or the reader has a value. */
export function accuracy(t: Tally): number {
  const n = t.right + t.wrong + t.missed + t.invented;
  return n === 0 ? 1 : t.right / n;
}

/** Share of all cases where the reader reported a value the text does not have. */
export function inventedRate(t: Tally): number {
  const n = t.right + t.wrong + t.missed + t.invented + t.absent;
  return n === 0 ? 0 : t.invented / n;
}

export interface Miss {
  id: string;
  field: Field;
  outcome: Outcome;
  want: unknown;
  got: unknown;
}

export interface Score {
  cases: number;
  byField: Record<Field, Tally>;
  byProducer: Map<string, Tally>;
  /** Every field of every case taken together. */
  all: Tally;
  misses: Miss[];
}

export function score(cases: Case[], read: (c: Case) => Reading): Score {
  const byField = Object.fromEntries(FIELDS.map((f) => [f, emptyTally()])) as Record<Field, Tally>;
  const byProducer = new Map<string, Tally>();
  const all = emptyTally();
  const misses: Miss[] = [];
  for (const c of cases) {
    const got = read(c);
    const row = byProducer.get(c.annotation.producer) ?? emptyTally();
    byProducer.set(c.annotation.producer, row);
    for (const field of FIELDS) {
      const want = expected(c, field);
      const outcome = compare(field, want, got[field]);
      byField[field][outcome]++;
      row[outcome]++;
      all[outcome]++;
      if (outcome !== "right" && outcome !== "absent")
        misses.push({ id: c.id, field, outcome, want, got: got[field] });
    }
  }
  return { cases: cases.length, byField, byProducer, all, misses };
}

/** parse()'s result in the corpus's terms. */
export function fromParsed(p: ParsedAuthError): Reading {
  return {
    codes: p.codes,
    traceId: p.traceId,
    correlationId: p.correlationId,
    timestamp: p.timestamp,
    credential: p.credential,
    error: p.error,
    suberror: p.suberror,
    status: p.status,
    tenant: p.tenant,
    clientId: p.clientId,
    sdk: p.sdk,
  };
}

/**
 * The baseline: what a user would write in a few minutes with one regular expression per field. It is
 * fixed (written before the corpus was collected) so that the comparison means something.
 */
export function naive(text: string): Reading {
  const codes = [...new Set([...text.matchAll(/AADSTS(\d+)/g)].map((m) => Number(m[1])))];
  const first = (re: RegExp) => re.exec(text)?.[1];
  const status = first(/\b(?:status(?: code)?|statuscode)\W{0,3}(\d{3})\b/i);
  return {
    codes,
    traceId: first(/Trace ID: ?([0-9a-f-]{36})/i),
    correlationId: first(/Correlation ID: ?([0-9a-f-]{36})/i),
    timestamp: first(/Timestamp: ?(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?Z?)/i),
    credential: first(/\b([A-Z]\w*Credential)\b/),
    error: first(/"error"\s*:\s*"(\w+)"/),
    suberror: first(/"suberror"\s*:\s*"(\w+)"/),
    status: status === undefined ? undefined : Number(status),
    tenant: first(/login\.microsoftonline\.com\/([^/\s"']+)/),
    clientId: first(/client_id=([0-9a-f-]{36})/i),
  };
}

/** Does the top match's advice contain every phrase of the case's fix? */
export function fixFound(c: Case, ex: Explanation): boolean | undefined {
  if (c.annotation.fix.length === 0) return undefined;
  const top = ex.matches[0];
  if (!top) return false;
  const hay = fold(`${top.title} ${top.description} ${top.mitigation}`);
  return c.annotation.fix.every((phrase) => hay.includes(fold(phrase)));
}

/**
 * A second, looser judge of the same phrases: every content word of every fix phrase (stop words left
 * out, a light suffix strip on both sides) is among the words of the top match's text. It accepts
 * "repeat the request interactively" for the phrase "interactive flow" only if "flow" is there too;
 * it does not know synonyms. A phrase token that is not a plain word (a URL, `@azure/identity`) must
 * appear as written. Reported beside the strict figure, never instead of it.
 */
export function fixWordsFound(c: Case, ex: Explanation): boolean | undefined {
  if (c.annotation.fix.length === 0) return undefined;
  const top = ex.matches[0];
  if (!top) return false;
  const text = fold(`${top.title} ${top.description} ${top.mitigation}`);
  const words = new Set(wordsOf(text));
  return c.annotation.fix.every((phrase) =>
    fold(phrase)
      .split(" ")
      .every((token) => {
        if (!/^[a-z0-9'-]+$/.test(token)) return text.includes(token);
        const w = wordsOf(token);
        return w.every((x) => words.has(x));
      }),
  );
}

const STOP_WORDS = new Set(
  "a an the of to in on for with and or is be it its your you by as at from this that".split(" "),
);

function wordsOf(text: string): string[] {
  return text
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP_WORDS.has(w))
    .map(stem);
}

function stem(w: string): string {
  for (const suffix of ["ively", "ation", "ive", "ing", "ions", "ion", "ly", "ed", "es", "s"])
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) return w.slice(0, -suffix.length);
  return w;
}

function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/[`*_]/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** Per field: the least accuracy and the most invented values allowed, in percent to one decimal. */
export type Floor = Record<Field | "all", { accuracy: number; invented: number }>;

/** Today's figures as a floor: accuracy rounded down, invented values rounded up, to 0.1%. */
export function floorOf(s: Score): Floor {
  const down = (x: number) => Math.floor(x * 1000 + 1e-9) / 10;
  const up = (x: number) => Math.ceil(x * 1000 - 1e-9) / 10;
  const entry = (t: Tally) => ({ accuracy: down(accuracy(t)), invented: up(inventedRate(t)) });
  return {
    ...(Object.fromEntries(FIELDS.map((f) => [f, entry(s.byField[f])])) as Record<
      Field,
      ReturnType<typeof entry>
    >),
    all: entry(s.all),
  };
}
