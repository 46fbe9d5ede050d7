import { buildIfStale } from "../scripts/build-if-stale.mjs";

/**
 * The CLI and package tests run the built dist/: build it when it is missing or older than src/, data/,
 * tsup.config.ts or package.json, so a plain `vitest` run never tests a stale CLI.
 */
export default function setup(): void {
  const status = buildIfStale({ catalog: true });
  if (status !== 0) throw new Error(`building dist/ failed (exit ${status})`);
}
