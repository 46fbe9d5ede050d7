/**
 * The library in a browser: each way of importing it is bundled by esbuild for the browser platform
 * (scripts/size.ts), from the built `dist/`. No Node built-in may be imported, Markdown and YAML support
 * stay out of bundles that do not use them, and every bundle stays within its gzipped budget.
 */
import { describe, expect, it } from "vitest";
import { measure, SCENARIOS, type Scenario } from "../scripts/size.js";

function scenario(i: number): Scenario {
  const s = SCENARIOS[i];
  if (!s) throw new Error(`no scenario ${i}`);
  return s;
}

describe("browser bundles of the package", () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))("%s", async (_name, s) => {
    const report = await measure(s);
    expect(report.builtins).toEqual([]);
    expect(report.forbidden).toEqual([]);
    expect(report.gzipped).toBeGreaterThan(0);
    expect(report.gzipped).toBeLessThanOrEqual(s.budget);
    expect(report.problems).toEqual([]);
  });

  it("keeps marked out of the core and brings it in only with render()", async () => {
    const [core, withRender] = await Promise.all([measure(scenario(0)), measure(scenario(1))]);
    expect(core.byPackage.marked ?? 0).toBe(0);
    expect(withRender.byPackage.marked ?? 0).toBeGreaterThan(10_000);
  });

  it("notices a Node built-in when one is imported (the check itself works)", async () => {
    const report = await measure({
      name: "the Node adapter",
      code: `export { fileSource } from "./src/scan/node.js";`,
      budget: 1_000_000,
      forbid: [],
    });
    expect(report.builtins).toEqual(expect.arrayContaining(["node:fs"]));
    expect(report.problems.join("\n")).toMatch(/imports Node built-ins: .*node:fs/);
  });

  it("fails a bundle over budget, naming both sizes", async () => {
    const report = await measure({ ...scenario(0), budget: 1024 });
    expect(report.problems).toEqual([
      expect.stringMatching(/^\d+\.\d KB gzipped is over its budget of 1\.0 KB$/),
    ]);
  });
});
