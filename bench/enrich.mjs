#!/usr/bin/env node
/**
 * npm run bench:enrich: generate a log with bench/genlog.mjs (default 200 MB, --mb N to change), then time,
 * in one run and on the same file, `aadsts enrich` (stdin → a file), `aadsts scan` on it, and `cat` (the
 * floor: copying the bytes). Checks that enrich wrote as many lines as it read, that exactly the
 * generator's failures changed and each changed line carries an "aadsts" object, and reports peak RSS.
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const mbArg = process.argv.indexOf("--mb");
const mb = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 200;
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const dir = mkdtempSync(join(tmpdir(), "aadsts-bench-enrich-"));
const log = join(dir, "app.log");
const enriched = join(dir, "enriched.log");
const rss = join(root, "bench/report-rss.mjs");
const cli = join(root, "dist/cli.js");

const genOut = openSync(log, "w");
const gen = spawnSync(process.execPath, [join(root, "bench/genlog.mjs"), "--mb", String(mb), "--seed", "7"], {
  stdio: ["ignore", genOut, "pipe"],
  encoding: "utf8",
});
closeSync(genOut);
const meta = JSON.parse(gen.stderr.trim());
const failures = Object.values(meta.failures).reduce((a, b) => a + b, 0);
const size = statSync(log).size;

/** Run a command with stdin from `input` and stdout to `output` (files: no pipe through this process). */
function timed(cmd, args, input, output) {
  const i = openSync(input, "r");
  const o = openSync(output, "w");
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: [i, o, "pipe"], encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  closeSync(i);
  closeSync(o);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { ms, r };
}

// CPU time of the child (user + system, reported in µs by bench/report-rss.mjs), less swayed than wall
// time by other load on the machine.
const cpuMs = (r) => Number(/cpu=(\d+)/.exec(r.stderr)?.[1] ?? Number.NaN) / 1000;

// Interleaved, best of `runs` each: the machine's load falls on all three alike.
let enrich;
let scan;
let cat;
let enrichCpu = Number.POSITIVE_INFINITY;
let scanCpu = Number.POSITIVE_INFINITY;
for (let n = 0; n < runs; n++) {
  const c = timed("cat", [], log, join(dir, "cat.out"));
  const e = timed(process.execPath, ["--import", rss, cli, "enrich"], log, enriched);
  const s = timed(process.execPath, ["--import", rss, cli, "scan"], log, join(dir, "scan.out"));
  if (!cat || c.ms < cat.ms) cat = c;
  if (!enrich || e.ms < enrich.ms) enrich = e;
  if (!scan || s.ms < scan.ms) scan = s;
  enrichCpu = Math.min(enrichCpu, cpuMs(e.r));
  scanCpu = Math.min(scanCpu, cpuMs(s.r));
}
const peak = (r) => Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;

// Line by line: same count, and the lines that differ are exactly the failures, each with an aadsts object.
const a = readFileSync(log);
const b = readFileSync(enriched);
let linesIn = 0;
let linesOut = 0;
let changed = 0;
let withKey = 0;
let ia = 0;
let ib = 0;
const key = Buffer.from('"aadsts":{');
while (ia < a.length || ib < b.length) {
  const ea = a.indexOf(10, ia);
  const eb = b.indexOf(10, ib);
  const la = a.subarray(ia, ea < 0 ? a.length : ea);
  const lb = b.subarray(ib, eb < 0 ? b.length : eb);
  if (ia < a.length) linesIn++;
  if (ib < b.length) linesOut++;
  if (!la.equals(lb)) {
    changed++;
    if (lb.includes(key)) withKey++;
  }
  ia = ea < 0 ? a.length : ea + 1;
  ib = eb < 0 ? b.length : eb + 1;
}
const scanHits = readFileSync(join(dir, "scan.out"), "utf8").split("\n").filter(Boolean).length;
const summary = JSON.parse(/\{"summary".*\}/.exec(enrich.r.stderr)?.[0] ?? "{}").summary ?? {};

const ok = linesIn === linesOut && changed === failures && withKey === failures;
console.log(
  `aadsts enrich benchmark: ${(size / 1048576).toFixed(0)} MiB, ${linesIn} lines, ${meta.records} records, ${failures} failures (generator); best of ${runs}`,
);
console.log(
  `  aadsts enrich   ${enrich.ms.toFixed(0).padStart(7)} ms   ${linesOut} lines out, ${changed} changed, ${withKey} with "aadsts"${ok ? " (= generator)" : " (MISMATCH)"}; peak RSS ${peak(enrich.r).toFixed(0)} MiB`,
);
console.log(
  `  aadsts scan     ${scan.ms.toFixed(0).padStart(7)} ms   ${scanHits} hits; peak RSS ${peak(scan.r).toFixed(0)} MiB`,
);
console.log(`  cat             ${cat.ms.toFixed(0).padStart(7)} ms`);
console.log(
  `  enrich / scan   ${(enrich.ms / scan.ms).toFixed(2)}× wall, ${(enrichCpu / scanCpu).toFixed(2)}× CPU (${enrichCpu.toFixed(0)} ms vs ${scanCpu.toFixed(0)} ms)`,
);
console.log(`  enrich / cat    ${(enrich.ms / cat.ms).toFixed(2)}×`);
console.log(`  enrich summary  ${JSON.stringify(summary)}`);
rmSync(dir, { recursive: true, force: true });
if (!ok) process.exitCode = 1;
