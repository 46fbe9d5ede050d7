#!/usr/bin/env node
/**
 * npm run bench: every figure is a ratio against a baseline measured in the same run, because the
 * machines are noisy. The explain() rows carry their targets with PASS or MISS (≤ 30× JSON.parse for
 * the guide's example, ≤ 40× on the fixture average).
 *   1. explain() on the guide's example and on every fixture, against JSON.parse of the same input;
 *   2. `aadsts lookup 7000215` cold start, against `node -e 0`;
 *   3. memory: peak RSS of that CLI run against `node -e 0`, and heap retained by 20,000 explains;
 *   4. one-off set-up (no targets): loading dist/index.js against `node -e 0`, the first explain() of a
 *      process (a fresh process that loads the library and explains the guide's example, less one that
 *      only loads it), and the first hit of `aadsts scan` (a one-line log, less an empty log).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { explain } from "../dist/index.js";

const root = new URL("..", import.meta.url).pathname;
const guide = readFileSync(join(root, "examples/guide-client-secret.txt"), "utf8");
const guideBody = guide.slice(guide.indexOf("{"), guide.lastIndexOf("}") + 1);
const fixtures = [];
for (const shape of readdirSync(join(root, "test/fixtures")))
  for (const f of readdirSync(join(root, "test/fixtures", shape)))
    if (f.endsWith(".txt")) fixtures.push(readFileSync(join(root, "test/fixtures", shape, f), "utf8"));

/** ns per call of fn over one round of `n` calls. */
function round(fn, n) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  return Number(process.hrtime.bigint() - t) / n;
}
/**
 * fn against its baseline, rounds interleaved (one round of each in turn) so that a burst of load on a
 * shared machine falls on both: the median of the per-round ratios, and each side's median time.
 */
function versus(fn, n, base, nBase, rounds = 21) {
  for (let i = 0; i < n; i++) fn();
  for (let i = 0; i < nBase; i++) base();
  const a = [];
  const b = [];
  const ratios = [];
  for (let r = 0; r < rounds; r++) {
    const x = round(fn, n);
    const y = round(base, nBase);
    a.push(x);
    b.push(y);
    ratios.push(x / y);
  }
  const median = (list) => list.sort((p, q) => p - q)[Math.floor(list.length / 2)];
  return { time: median(a), base: median(b), ratio: median(ratios) };
}
const fmt = (ns) =>
  ns > 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns > 1e3 ? `${(ns / 1e3).toFixed(1)} µs` : `${ns.toFixed(0)} ns`;
const rows = [];

// 1. explain() vs JSON.parse.
let sink = 0;
const guide1 = versus(
  () => (sink += explain(guide).matches.length),
  200,
  () => (sink += Object.keys(JSON.parse(guideBody)).length),
  2000,
);
rows.push([
  "explain(guide example)",
  fmt(guide1.time),
  `JSON.parse(its body) ${fmt(guide1.base)}`,
  guide1.ratio,
  30,
]);

const asJson = fixtures.map((t) => JSON.stringify(t));
const all = versus(
  () => {
    for (const t of fixtures) sink += explain(t).matches.length;
  },
  2,
  () => {
    for (const t of asJson) sink += JSON.parse(t).length;
  },
  40,
);
rows.push([
  `explain(each of ${fixtures.length} fixtures)`,
  `${fmt(all.time / fixtures.length)} avg`,
  `JSON.parse(same text as a JSON string) ${fmt(all.base / fixtures.length)} avg`,
  all.ratio,
  40,
]);

// 2 and 3. Cold start and peak RSS of the CLI against a bare node: the two commands run in turn (interleaved),
// so a burst of load on the machine hits both alike; the median of each is compared.
const COLD_TARGET = 1.5;
function interleaved(commands, n) {
  const times = commands.map(() => []);
  const rss = commands.map(() => 0);
  for (let i = 0; i < n; i++)
    commands.forEach((args, j) => {
      const t = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ["--import", join(root, "bench/report-rss.mjs"), ...args], {
        encoding: "utf8",
        cwd: root,
      });
      times[j].push(Number(process.hrtime.bigint() - t));
      if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
      rss[j] = Math.max(rss[j], Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? 0));
    });
  return commands.map((_, j) => {
    const sorted = times[j].sort((a, b) => a - b);
    return { median: sorted[Math.floor(n / 2)], rss: rss[j] };
  });
}
const N = 21;
// A one-line log and an empty one, for the first hit of `aadsts scan` (invented IDs).
const logs = mkdtempSync(join(tmpdir(), "aadsts-bench-"));
const oneLog = join(logs, "one.log");
const emptyLog = join(logs, "empty.log");
writeFileSync(
  oneLog,
  "x AADSTS7000215: Invalid client secret provided. Trace ID: 0a6e9c41-1d2b-4c3e-9f00-aaaaaaaaaaaa\n",
);
writeFileSync(emptyLog, "");
const library = JSON.stringify(new URL("../dist/index.js", import.meta.url).href);
const [bare, lookup, load, firstExplain, scanOne, scanEmpty] = interleaved(
  [
    ["-e", "0"],
    [join(root, "dist/cli.js"), "lookup", "7000215"],
    ["--input-type=module", "-e", `await import(${library});`],
    [
      "--input-type=module",
      "-e",
      `const { explain } = await import(${library}); explain(${JSON.stringify(guide)});`,
    ],
    [join(root, "dist/cli.js"), "scan", oneLog],
    [join(root, "dist/cli.js"), "scan", emptyLog],
  ],
  N,
);
rmSync(logs, { recursive: true, force: true });
const cold = lookup.median / bare.median;
rows.push([
  `aadsts lookup 7000215 (cold start, median of ${N} interleaved runs)`,
  fmt(lookup.median),
  `node -e 0 ${fmt(bare.median)}`,
  cold,
  COLD_TARGET,
]);
rows.push([
  "peak RSS of that run",
  `${(lookup.rss / 1024).toFixed(1)} MiB`,
  `node -e 0 ${(bare.rss / 1024).toFixed(1)} MiB`,
  lookup.rss / bare.rss,
]);

rows.push([
  "import dist/index.js (module load)",
  fmt(load.median),
  `node -e 0 ${fmt(bare.median)}`,
  load.median / bare.median,
]);
rows.push([
  "first explain() of a process (one-off set-up)",
  fmt(firstExplain.median - load.median),
  `loading the library ${fmt(load.median)}`,
  (firstExplain.median - load.median) / load.median,
]);
rows.push([
  "first hit of aadsts scan (one-line log less empty log)",
  fmt(scanOne.median - scanEmpty.median),
  `scan of an empty log ${fmt(scanEmpty.median)}`,
  (scanOne.median - scanEmpty.median) / scanEmpty.median,
]);

// Heap retained: explain 20,000 times and compare heap after GC (run with --expose-gc for exact figures).
const gc = globalThis.gc ?? (() => {});
gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < 20000; i++) sink += explain(fixtures[i % fixtures.length]).matches.length;
gc();
const after = process.memoryUsage().heapUsed;
rows.push([
  "heap retained after 20,000 explains",
  `${((after - before) / 1024).toFixed(0)} KiB`,
  `heap before ${(before / 1048576).toFixed(1)} MiB`,
  after / before,
]);

console.log(
  `aadsts benchmark (node ${process.version}; ${fixtures.length} fixtures; ratios are measured ÷ baseline)\n`,
);
const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => String(r[i]).length)));
let missed = 0;
for (const r of rows) {
  const target = r[4] === undefined ? "" : `  ${r[3] <= r[4] ? "PASS" : "MISS"} (target ≤ ${r[4]}×)`;
  if (r[4] !== undefined && r[3] > r[4]) missed++;
  console.log(
    `${String(r[0]).padEnd(w[0])}  ${String(r[1]).padStart(w[1])}  vs ${String(r[2]).padEnd(w[2])}  ratio ${r[3].toFixed(2)}×${target}`,
  );
}
if (missed > 0) process.exitCode = 1;
if (sink < 0) console.log(sink);
