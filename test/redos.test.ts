import { check } from "recheck";
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
