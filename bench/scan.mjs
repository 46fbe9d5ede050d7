#!/usr/bin/env node
/**
 * npm run bench:scan: for each seed, generate a log with bench/genlog.mjs (default 200 MB; --mb N,
 * --seeds 7,11,23, --runs 3 to change) and time, in one run, `aadsts scan` on it, `grep -c AADSTS` on it,
 * and bench/baseline-readline.mjs (readline + explain() on every line with AADSTS, as a library user
 * would write it). Each time is the best of --runs. Prints every target with PASS or MISS:
 *   - scan ≤ 12× grep -c AADSTS, with exactly the generator's failure count;
 *   - scan ≥ 4× faster than the readline baseline;
 *   - scan's peak RSS ≤ 150 MiB.
 * Wall-clock ratios are the targets; CPU times (user + system, all threads) of the Node processes and of
 * their main thread (best of the runs) are printed beside them, because on a shared machine the wall
 * clock also counts waiting for a core, and the main thread's time is what a quiet machine's wall follows.
 * Beside them, with no target, bench/floor-node.mjs: the least a Node program does for `grep -c` (start,
 * read, count with the native search), so that what Node itself costs is read apart from scan's own work.
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const mb = Number(arg("mb", "200"));
const seeds = arg("seeds", "7,11,23").split(",").map(Number);
const runs = Number(arg("runs", "3"));
const TARGET = { grepRatio: 12, readlineRatio: 4, rssMiB: 150 };
const rss = join(root, "bench/report-rss.mjs");

function timed(cmd, args, opts = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 30, ...opts });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  const cpu = Number(/cpu=(\d+)/.exec(r.stderr ?? "")?.[1] ?? Number.NaN) / 1000;
  const main = Number(/main=(\d+)/.exec(r.stderr ?? "")?.[1] ?? Number.NaN);
  const peak = Number(/maxrss=(\d+)/.exec(r.stderr ?? "")?.[1] ?? 0) / 1024;
  return { ms, cpu, main, peak, r };
}
const verdict = (ok) => (ok ? "PASS" : "MISS");
const ms = (x) => `${x.toFixed(0).padStart(6)} ms`;

let missed = 0;
const check = (ok, line) => {
  if (!ok) missed++;
  console.log(`  ${verdict(ok)}  ${line}`);
};

for (const seed of seeds) {
  const dir = mkdtempSync(join(tmpdir(), "aadsts-bench-"));
  const log = join(dir, "app.log");
  try {
    const out = openSync(log, "w");
    const gen = spawnSync(
      process.execPath,
      [join(root, "bench/genlog.mjs"), "--mb", String(mb), "--seed", String(seed)],
      {
        stdio: ["ignore", out, "pipe"],
        encoding: "utf8",
      },
    );
    closeSync(out);
    const meta = JSON.parse(gen.stderr.trim());
    const failures = Object.values(meta.failures).reduce((a, b) => a + b, 0);
    const size = statSync(log).size;

    // Interleaved, so that a burst of load on the machine falls on all four alike.
    const results = { grep: [], floor: [], scan: [], readline: [] };
    for (let i = 0; i < runs; i++) {
      results.grep.push(timed("grep", ["-c", "AADSTS", log]));
      results.floor.push(timed(process.execPath, ["--import", rss, join(root, "bench/floor-node.mjs"), log]));
      results.scan.push(
        timed(process.execPath, ["--import", rss, join(root, "dist/cli.js"), "scan", log], {
          stdio: ["ignore", "pipe", "pipe"],
        }),
      );
      results.readline.push(
        timed(process.execPath, ["--import", rss, join(root, "bench/baseline-readline.mjs"), log]),
      );
    }
    const pick = (list) => {
      const peak = Math.max(...list.map((x) => x.peak));
      const main = Math.min(...list.map((x) => x.main));
      return { ...list.reduce((a, b) => (b.ms < a.ms ? b : a)), peak, main };
    };
    const grep = pick(results.grep);
    const floor = pick(results.floor);
    const scan = pick(results.scan);
    const readline = pick(results.readline);
    const hits = scan.r.stdout.split("\n").filter(Boolean).length;
    const baseline = JSON.parse(readline.r.stdout.trim().split("\n").pop());

    console.log(
      `seed ${seed}: ${(size / 1048576).toFixed(0)} MiB, ${meta.records} records, ${failures} failures (generator); best of ${runs}`,
    );
    console.log(
      `        aadsts scan          ${ms(scan.ms)}  (cpu ${ms(scan.cpu)}, main thread ${ms(scan.main)})  ${hits} hits`,
    );
    console.log(
      `        grep -c AADSTS       ${ms(grep.ms)}                    ${grep.r.stdout.trim()} lines`,
    );
    console.log(
      `        Node floor           ${ms(floor.ms)}  (cpu ${ms(floor.cpu)}, main thread ${ms(floor.main)})  ${floor.r.stdout.trim()} lines; ${(floor.ms / grep.ms).toFixed(2)}× grep; scan is ${(scan.ms / floor.ms).toFixed(2)}× it (no target)`,
    );
    console.log(
      `        readline + explain() ${ms(readline.ms)}  (cpu ${ms(readline.cpu)}, main thread ${ms(readline.main)})  ${baseline.explained} lines explained`,
    );
    check(hits === failures, `scan finds the generator's failures: ${hits} of ${failures}`);
    check(
      scan.ms <= TARGET.grepRatio * grep.ms,
      `scan / grep -c            ${(scan.ms / grep.ms).toFixed(2)}×   (target ≤ ${TARGET.grepRatio}×)`,
    );
    check(
      readline.ms >= TARGET.readlineRatio * scan.ms,
      `readline baseline / scan  ${(readline.ms / scan.ms).toFixed(2)}×   (target ≥ ${TARGET.readlineRatio}×; cpu ${(readline.cpu / scan.cpu).toFixed(2)}×, main thread ${(readline.main / scan.main).toFixed(2)}×)`,
    );
    check(
      scan.peak <= TARGET.rssMiB,
      `scan peak RSS             ${scan.peak.toFixed(0)} MiB   (target ≤ ${TARGET.rssMiB} MiB)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(missed === 0 ? "every target PASS" : `${missed} target(s) MISS`);
if (missed > 0) process.exitCode = 1;
