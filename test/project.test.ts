import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), "utf8");

describe("project", () => {
  it(".ci/run runs the README's install-and-run and install-and-test commands exactly", () => {
    const readme = read("README.md");
    const blocks = [...readme.matchAll(/```sh\n(npm ci && npm run example|npm ci && npm test)\n```/g)].map(
      (m) => m[1],
    );
    expect(blocks).toEqual(["npm ci && npm run example", "npm ci && npm test"]);
    const ci = read(".ci/run").split("\n");
    for (const command of blocks) expect(ci).toContain(command);
  });
  it("the README's exit codes are the CLI's", async () => {
    const { EXIT_CODES } = await import("../src/cli/io.js");
    const readme = read("README.md");
    for (const code of Object.values(EXIT_CODES))
      expect(readme).toMatch(new RegExp(`^\\| ${code} +\\| `, "m"));
  });
  it("the core has no node: imports outside the CLI and the scan's Node adapter", async () => {
    const { readdirSync, statSync } = await import("node:fs");
    const { join } = await import("node:path");
    const root = new URL("../src/", import.meta.url).pathname;
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) {
          if (f !== "cli") walk(p);
        } else if (!p.endsWith("scan/node.ts") && /from "node:|require\("node:/.test(readFileSync(p, "utf8")))
          offenders.push(p);
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
