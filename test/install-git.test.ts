/**
 * Installable from anywhere: a local clone of this repository's HEAD, installed into a fresh project with
 * `npm install git+file://…`, gives a working package. npm runs the package's `prepare` in the clone
 * (dev dependencies come from the npm cache that `npm ci` filled), which builds dist/; without it the
 * package would have no dist/ at all. Slow (npm installs the dev dependencies and tsup builds): its own
 * file, with a generous timeout.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = new URL("..", import.meta.url).pathname;
const TEN_MINUTES = 600_000;

let work = "";
let clone = "";
let project = "";

function run(cmd: string, args: string[], cwd = project) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", npm_config_update_notifier: "false" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "aadsts-git-"));
  clone = join(work, "clone");
  execFileSync("git", ["clone", "--quiet", ROOT, clone]);
  project = join(work, "app");
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "git-install-smoke", private: true, version: "1.0.0" }),
  );
  const install = run("npm", [
    "install",
    `git+file://${clone}`,
    "--prefer-offline",
    "--no-audit",
    "--no-fund",
  ]);
  if (install.code !== 0) throw new Error(`npm install from git failed:\n${install.err}`);
}, TEN_MINUTES);

// Removing the installed tree (its node_modules) can take longer than the default hook timeout on a
// loaded machine.
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, TEN_MINUTES);

describe("npm install git+file:// of a clone", () => {
  it("the clone has no dist/: the installed one was built by prepare", () => {
    expect(existsSync(join(clone, "dist"))).toBe(false);
    for (const file of ["index.js", "index.cjs", "index.d.ts", "cli.js"])
      expect(existsSync(join(project, "node_modules/aadsts/dist", file))).toBe(true);
  });

  it("require('aadsts') works", () => {
    const r = run("node", ["-e", 'process.stdout.write(require("aadsts").lookup(7000215).id)']);
    expect(r).toMatchObject({ code: 0, out: "client-secret-invalid" });
  });

  it("import('aadsts') works", () => {
    const r = run("node", [
      "--input-type=module",
      "-e",
      'const { explain } = await import("aadsts"); process.stdout.write(explain("AADSTS7000222: The provided client secret keys are expired.").matches[0].id)',
    ]);
    expect(r).toMatchObject({ code: 0, out: "client-secret-expired" });
  });

  it("npx aadsts lookup 7000215 works", () => {
    const r = run("npx", ["--no-install", "aadsts", "lookup", "7000215", "--format", "text"]);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe("Invalid client secret [client-secret-invalid]");
  });
});
