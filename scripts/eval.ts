/**
 * npm run eval: score parse() and the matcher on the real-world corpus (test/corpus/), beside a naive
 * one-regex-per-field baseline, for the development and held-out halves.
 *
 *   npm run eval                      the report; misses listed for the development half only
 *   npm run eval -- --misses all      list the held-out half's misses too (only after a change is done)
 *   npm run eval -- --case <id>       one case: the text, the annotation and what parse reports
 *   npm run eval -- --json            the figures as JSON
 *   npm run eval -- --dir <folder>    another corpus laid out the same way
 *   npm run eval -- --write-floor     record today's figures in test/corpus/floor.json (test/corpus.test.ts
 *                                     fails when a change goes below them)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Confidence, type Explanation, explain, parse } from "../src/index.js";
import {
  AGREEMENT_DIR,
  accuracy,
  type Case,
  compare,
  FIELDS,
  FLOOR_FILE,
  fixFound,
  fixWordsFound,
  floorOf,
  fromParsed,
  type Half,
  inventedRate,
  JUDGED_DIR,
  loadCorpus,
  naive,
  type Outcome,
  type Score,
  score,
  sdkAgainstProducer,
  type Tally,
} from "./lib/corpus.js";

const { values } = parseArgs({
  options: {
    misses: { type: "string", default: "dev" },
    case: { type: "string" },
    json: { type: "boolean", default: false },
    dir: { type: "string" },
    "write-floor": { type: "boolean", default: false },
  },
});

const corpus = loadCorpus(values.dir);

if (values.case) {
  const c = corpus.find((x) => x.id === values.case);
  if (!c) {
    console.error(`no case ${values.case}`);
    process.exit(1);
  }
  console.log(`${c.text}\n---- annotation (${c.half})\n${JSON.stringify(c.annotation, null, 2)}`);
  console.log(`---- parse\n${JSON.stringify(parse(c.text), null, 2)}`);
  const ex = explain(c.text);
  console.log(`---- top match: ${ex.matches[0]?.id ?? "none"}  fix found: ${fixFound(c, ex)}`);
  process.exit(0);
}

const halves: Half[] = ["dev", "held-out"];
interface HalfReport {
  half: Half;
  cases: Case[];
  parser: Score;
  baseline: Score;
  fix: { found: number; total: number };
  /** The same, split by whether the text carries an AADSTS code, and judged word by word too. */
  fixBy: Record<"code" | "no code", { found: number; words: number; total: number }>;
  /** sdk against the thread's producer rather than the text (see sdkAgainstProducer). */
  sdkThread: Tally;
  /** The fix figure by the top match's confidence ("none": no match shown): is the confidence honest? */
  byConfidence: Record<Confidence | "none", { found: number; words: number; total: number }>;
}

const reports: HalfReport[] = halves.map((half) => {
  const cases = corpus.filter((c) => c.half === half);
  // One explain per case: its parse is what the fields are scored on, its top match what the fix is.
  const explained = new Map(cases.map((c) => [c.id, explain(c.text)] as const));
  const fix = { found: 0, total: 0 };
  const fixBy = { code: { found: 0, words: 0, total: 0 }, "no code": { found: 0, words: 0, total: 0 } };
  const byConfidence = Object.fromEntries(
    (["high", "medium", "low", "none"] as const).map((k) => [k, { found: 0, words: 0, total: 0 }]),
  ) as HalfReport["byConfidence"];
  for (const c of cases) {
    const ex = explained.get(c.id) as Explanation;
    const found = fixFound(c, ex);
    if (found === undefined) continue;
    fix.total++;
    if (found) fix.found++;
    const by = fixBy[c.annotation.fields.codes.length > 0 ? "code" : "no code"];
    by.total++;
    if (found) by.found++;
    const words = fixWordsFound(c, ex) === true;
    if (words) by.words++;
    const conf = byConfidence[ex.matches[0]?.confidence ?? "none"];
    conf.total++;
    if (found) conf.found++;
    if (words) conf.words++;
  }
  return {
    half,
    cases,
    parser: score(cases, (c) => fromParsed((explained.get(c.id) as Explanation).parsed)),
    baseline: score(cases, (c) => naive(c.text)),
    fix,
    fixBy,
    byConfidence,
    sdkThread: sdkAgainstProducer(cases, (c) => {
      const parsed = (explained.get(c.id) as Explanation).parsed;
      return { ...fromParsed(parsed), ...(parsed.host ? { host: parsed.host } : {}) };
    }),
  };
});

if (values["write-floor"]) {
  const floor = Object.fromEntries(reports.map((r) => [r.half, floorOf(r.parser)]));
  writeFileSync(FLOOR_FILE, `${JSON.stringify(floor, null, 2)}\n`);
  console.log(`wrote ${FLOOR_FILE}`);
}

if (values.json) {
  const figures = (s: Score) => ({
    all: accuracy(s.all),
    fields: Object.fromEntries(
      FIELDS.map((f) => [f, { accuracy: accuracy(s.byField[f]), invented: inventedRate(s.byField[f]) }]),
    ),
  });
  console.log(
    JSON.stringify(
      Object.fromEntries(
        reports.map((r) => [
          r.half,
          { cases: r.cases.length, parser: figures(r.parser), baseline: figures(r.baseline), fix: r.fix },
        ]),
      ),
      null,
      2,
    ),
  );
  process.exit(0);
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const cell = (t: Tally) => `${pct(accuracy(t))} (${t.right + t.wrong + t.missed + t.invented})`;

const show = values.misses === "all" ? halves : ["dev"];
for (const r of reports) {
  if (!show.includes(r.half)) continue;
  console.log(`\nMisses, ${r.half} half (want → got):`);
  for (const m of r.parser.misses)
    console.log(`  ${m.id}  ${m.field} ${m.outcome}: ${JSON.stringify(m.want)} → ${JSON.stringify(m.got)}`);
}

const producers = [...new Set(corpus.map((c) => c.annotation.producer))].sort();
console.log("\nEvery field together, per producer: parser | naive baseline (values compared)");
console.log(`${"producer".padEnd(12)} ${halves.map((h) => `${h.padEnd(15)}${"".padEnd(15)}`).join("")}`);
for (const p of producers) {
  const cells = reports.map((r) => {
    const a = r.parser.byProducer.get(p);
    const b = r.baseline.byProducer.get(p);
    return a && b ? `${cell(a).padEnd(15)}${pct(accuracy(b)).padEnd(15)}` : `${"-".padEnd(30)}`;
  });
  console.log(`${p.padEnd(12)} ${cells.join("")}`);
}

const noCode = corpus.filter((c) => c.annotation.fields.codes.length === 0).length;
const repos = new Set(corpus.map((c) => c.annotation.repo).filter(Boolean)).size;
console.log(
  `\nCorpus: ${corpus.length} cases (${reports.map((r) => `${r.half} ${r.cases.length}`).join(", ")}), ${producers.length} producers, ${repos} repositories, ${noCode} without an AADSTS code`,
);
console.log(
  "Field accuracy (right among cases where either side has a value) and invented values (share of cases)",
);
console.log(
  `${"field".padEnd(14)}${halves.map((h) => `${`${h} parser`.padEnd(16)}${"naive".padEnd(8)}${"invented".padEnd(10)}`).join("")}`,
);
for (const f of [...FIELDS, "all"] as const) {
  const row = reports.map((r) => {
    const t = f === "all" ? r.parser.all : r.parser.byField[f];
    const b = f === "all" ? r.baseline.all : r.baseline.byField[f];
    return `${cell(t).padEnd(16)}${pct(accuracy(b)).padEnd(8)}${pct(inventedRate(t)).padEnd(10)}`;
  });
  console.log(`${f.padEnd(14)}${row.join("")}`);
}
console.log(
  `sdk against the thread's producer (not only what the text shows): ${reports.map((r) => `${r.half} ${pct(accuracy(r.sdkThread))}, invented ${pct(inventedRate(r.sdkThread))}`).join("; ")}`,
);
console.log(
  `top advice holds the thread's fix: ${reports.map((r) => `${r.half} ${r.fix.found}/${r.fix.total} (${pct(r.fix.found / Math.max(1, r.fix.total))})`).join(", ")}`,
);
for (const kind of ["code", "no code"] as const)
  console.log(
    `  texts with${kind === "code" ? "" : "out"} a code: ${reports.map((r) => `${r.half} ${r.fixBy[kind].found}/${r.fixBy[kind].total} as phrases, ${r.fixBy[kind].words}/${r.fixBy[kind].total} word by word`).join("; ")}`,
  );
for (const level of ["high", "medium", "low", "none"] as const)
  console.log(
    `  top match ${level === "none" ? "absent" : `of ${level} confidence`}: ${reports.map((r) => `${r.half} ${r.byConfidence[level].found}/${r.byConfidence[level].total} as phrases, ${r.byConfidence[level].words} word by word`).join("; ")}`,
  );

// The answers judged by reading (test/corpus/judged/, see its README section): the latest file's totals.
const judgedFiles = existsSync(JUDGED_DIR)
  ? readdirSync(JUDGED_DIR)
      .filter((f) => f.endsWith(".jsonl"))
      .sort()
  : [];
const latest = judgedFiles.at(-1);
interface Judged {
  id: string;
  half: Half;
  start: { verdict: string };
  end: { verdict: string };
}
/** The records of a JSON Lines file. */
const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);
const judged: Judged[] = latest && !values.dir ? readJsonl<Judged>(join(JUDGED_DIR, latest)) : [];
if (latest && !values.dir) {
  const withCode = new Set(corpus.filter((c) => c.annotation.fields.codes.length > 0).map((c) => c.id));
  console.log(`top answer judged by reading (${latest}; yes / partial / no, at the session's start → end):`);
  for (const half of halves)
    for (const kind of ["code", "no code"] as const) {
      const rows = judged.filter((j) => j.half === half && withCode.has(j.id) === (kind === "code"));
      const count = (at: "start" | "end") =>
        ["yes", "partial", "no"].map((v) => rows.filter((j) => j[at].verdict === v).length).join(" / ");
      console.log(
        `  ${half}, texts with${kind === "code" ? "" : "out"} a code (${rows.length}): ${count("start")} → ${count("end")}`,
      );
    }
}

// The study of 2026-12-05 (test/corpus/README.md, "Agreement"): how far a second careful reader agrees
// with the annotations (the most any reader of the text can be held to), and on how many cases the fix
// can be named from the text at all (the most any explainer can reach).
const secondFile = join(AGREEMENT_DIR, "second-reading.jsonl");
const sourceFile = join(AGREEMENT_DIR, "fix-source.jsonl");
if (!values.dir && existsSync(secondFile)) {
  const second = new Map(
    readJsonl<{ id: string; fields: Record<string, unknown> }>(secondFile).map((r) => [r.id, r.fields]),
  );
  const agree = (cases: Case[], fields: readonly string[]) => {
    const t: Record<Outcome, number> = { right: 0, wrong: 0, missed: 0, invented: 0, absent: 0 };
    for (const c of cases) {
      const b = second.get(c.id);
      if (b) for (const f of fields) t[compare(f as never, c.annotation.fields[f as never], b[f])]++;
    }
    return pct(accuracy(t));
  };
  const others = FIELDS.filter((f) => f !== "sdk");
  console.log(
    `a second, blind reader against the annotations (2026-12-05): ${halves
      .map((h) => {
        const cs = corpus.filter((c) => c.half === h);
        return `${h} all ${agree(cs, FIELDS)}, sdk ${agree(cs, ["sdk"])}, the other fields ${agree(cs, others)}`;
      })
      .join("; ")}`,
  );
}
if (!values.dir && existsSync(sourceFile) && latest) {
  const sources = new Map(readJsonl<{ id: string; source: string }>(sourceFile).map((r) => [r.id, r.source]));
  const verdicts = new Map(judged.map((j) => [j.id, j.end.verdict]));
  console.log(
    "fix that can be named from the text at all (judged 2026-12-05), and the end answer judged yes on those:",
  );
  for (const half of halves)
    for (const kind of ["code", "no code"] as const) {
      const rows = corpus.filter(
        (c) =>
          c.half === half && sources.has(c.id) && c.annotation.fields.codes.length > 0 === (kind === "code"),
      );
      const named = rows.filter((c) => sources.get(c.id) === "text");
      const yes = named.filter((c) => verdicts.get(c.id) === "yes").length;
      console.log(
        `  ${half}, texts with${kind === "code" ? "" : "out"} a code: ${named.length}/${rows.length} (${pct(named.length / Math.max(1, rows.length))}) nameable; yes on ${yes}/${named.length} (${pct(yes / Math.max(1, named.length))}) of them`,
      );
    }
}
