#!/usr/bin/env node
/**
 * Build dist/ when it is missing or older than what it is built from. npm runs this as `prepare` (a git
 * install, `npm ci`, `npm install` in a clone) and `prepack` (`npm pack`, `npm publish`), so a package
 * made from the sources always carries a current dist/; test/global-setup.ts uses the same check.
 *
 * Plain Node, no dependencies of its own: it runs before anything else is built. tsup comes from the dev
 * dependencies npm installs for `prepare`. With `--catalog`, src/generated/catalog.ts is regenerated
 * first when a data/ file is newer than it (the generator needs tsx; a clone has the generated file).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** What the build writes and the package entry points need. */
const OUTPUTS = ["index.js", "index.cjs", "index.d.ts", "index.d.cts", "catalog.js", "catalog.cjs", "cli.js"];

/** Newest modification time of the files under `dir` (0 when there is none). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, d.name);
    latest = Math.max(latest, d.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Why dist/ needs building, or undefined when it is current. */
export function staleReason(root = ROOT) {
  const outputs = OUTPUTS.map((f) => join(root, "dist", f));
  const missing = outputs.filter((f) => !existsSync(f));
  if (missing.length > 0) return `dist/ lacks ${missing.map((f) => f.slice(root.length + 1)).join(", ")}`;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const inputs = [
    ["src/", newest(join(root, "src"))],
    ["data/", newest(join(root, "data"))],
    ["tsup.config.ts", statSync(join(root, "tsup.config.ts")).mtimeMs],
    ["package.json", statSync(join(root, "package.json")).mtimeMs],
  ];
  const changed = inputs.filter(([, time]) => time > built).map(([name]) => name);
  return changed.length > 0 ? `${changed.join(", ")} changed since dist/ was built` : undefined;
}

/** Whether data/ holds a catalog file newer than the module generated from it. */
export function catalogStale(root = ROOT) {
  const generated = join(root, "src/generated/catalog.ts");
  return !existsSync(generated) || newest(join(root, "data")) > statSync(generated).mtimeMs;
}

/** Run a dev dependency's bin with this Node. */
function runBin(pkg, bin, args, root) {
  const require = createRequire(join(root, "package.json"));
  let manifest;
  try {
    manifest = require.resolve(`${pkg}/package.json`);
  } catch {
    return undefined;
  }
  const bins = JSON.parse(readFileSync(manifest, "utf8")).bin;
  const script = join(dirname(manifest), typeof bins === "string" ? bins : bins[bin]);
  return spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: "inherit" }).status ?? 1;
}

/** Build when stale; returns the process exit code. */
export function buildIfStale({ root = ROOT, catalog = false, log = console.error } = {}) {
  if (catalog && catalogStale(root)) {
    log("aadsts: data/ changed; regenerating src/generated/catalog.ts");
    const status = runBin("tsx", "tsx", ["scripts/build-catalog.ts"], root);
    if (status !== 0) return status ?? 1;
  }
  const reason = staleReason(root);
  if (!reason) return 0;
  log(`aadsts: building dist/ (${reason})`);
  const status = runBin("tsup", "tsup", [], root);
  if (status === undefined) {
    log("aadsts: tsup is not installed (dev dependencies omitted?); cannot build dist/");
    return 1;
  }
  return status;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = buildIfStale({ catalog: process.argv.includes("--catalog") });
}
