import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    globalSetup: ["test/global-setup.ts"],
    // Internal errors surface in this project's tests instead of turning into safe results (src/boundary.ts).
    env: { AADSTS_DEBUG: "1" },
  },
});
