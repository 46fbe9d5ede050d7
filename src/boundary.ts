/**
 * The one place internal errors are caught. The public entry points (parse, match, explain, render) each
 * run their work through {@link atBoundary}; nothing below them catches an error it did not expect.
 *
 * With `AADSTS_DEBUG=1`, an internal error is rethrown with its stack; this project's own test runs set it
 * (vitest.config.ts), so a bug fails the tests instead of turning into an empty result. Otherwise the entry
 * point returns its safe result: an application that asks why sign-in failed never gets a second failure.
 * (The test runner itself is not the switch: an application's own vitest suite must see what the
 * application sees.)
 */

/** The environment, where there is one: `process.env` in Node, nothing in a browser. */
function environment(): Record<string, string | undefined> | undefined {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return typeof proc?.env === "object" && proc.env !== null ? proc.env : undefined;
}

/** True when internal errors should surface: with AADSTS_DEBUG=1. */
export function debugging(): boolean {
  return environment()?.AADSTS_DEBUG === "1";
}

/** `work()`, or, when it throws and nobody is debugging, `fallback()`. */
export function atBoundary<T>(work: () => T, fallback: () => T): T {
  try {
    return work();
  } catch (error) {
    if (debugging()) throw error;
    return fallback();
  }
}
