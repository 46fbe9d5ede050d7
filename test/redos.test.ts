import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { check } from "recheck";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PATTERNS } from "../src/patterns.js";

// Every pattern that runs on untrusted text must be linear: recheck proves it or finds an attack string.
describe("every pattern in src/patterns.ts is safe from catastrophic backtracking", () => {
  for (const [name, pattern] of Object.entries(PATTERNS)) {
    it(name, async () => {
      const result = await check(pattern.source, pattern.flags);
      const detail =
        result.status === "vulnerable"
          ? `${result.complexity.summary}, attack ${result.attack.pattern}`
          : result.status === "unknown"
            ? `unknown: ${JSON.stringify(result.error)}`
            : "";
      expect(result.status, `${name} ${detail}`).toBe("safe");
    });
  }
});

// The rule that makes the check above complete: no regular expression anywhere else in src/.
describe("src/patterns.ts holds every regular expression", () => {
  const src = new URL("../src", import.meta.url).pathname;
  const files = (readdirSync(src, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".ts") && f !== "patterns.ts" && !f.startsWith("generated"))
    .map((f) => join(src, f));

  it("finds the source files", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("no regex literal or RegExp constructor outside it", () => {
    const found: string[] = [];
    for (const file of files) {
      const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        const isLiteral = node.kind === ts.SyntaxKind.RegularExpressionLiteral;
        const isConstructor =
          (ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(sf) === "RegExp";
        if (isLiteral || isConstructor) {
          const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
          found.push(`${file.slice(src.length + 1)}:${line} ${node.getText(sf).slice(0, 60)}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    expect(found).toEqual([]);
  });
});
