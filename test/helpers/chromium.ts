/**
 * Headless Chromium for the page test: Debian's `chromium` package, driven by playwright-core (which never
 * downloads a browser of its own). When the browser is missing and the tests run as root on Debian, it is
 * installed here with apt-get; elsewhere the test says how to install it.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/**
 * Flags for a machine with no network: without the background-networking ones Chromium keeps trying to
 * reach Google's services at start-up. `--no-sandbox` because CI runs as root.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
];

function found(): string | undefined {
  const wanted = process.env.AADSTS_CHROMIUM;
  if (wanted) return existsSync(wanted) ? wanted : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

function aptInstall(): string {
  const run = (args: string[]) =>
    spawnSync("apt-get", args, {
      encoding: "utf8",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      timeout: 8 * 60_000,
    });
  let r = run(["install", "-y", "--no-install-recommends", "chromium"]);
  if (r.status !== 0) {
    // A fresh image may have no package lists yet.
    run(["update"]);
    r = run(["install", "-y", "--no-install-recommends", "chromium"]);
  }
  return r.status === 0 ? "" : `${r.stderr}`.trim().split("\n").slice(-3).join(" / ");
}

/** The path of a Chromium binary, installing Debian's package first when that is possible. */
export function chromiumPath(): string {
  const path = found();
  if (path) return path;
  let why = "not running as root, so it cannot be installed here";
  if (process.env.AADSTS_CHROMIUM) {
    why = `AADSTS_CHROMIUM points to ${process.env.AADSTS_CHROMIUM}, which does not exist`;
  } else if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    const failure = aptInstall();
    const after = found();
    if (after) return after;
    why = `apt-get install chromium failed: ${failure}`;
  }
  throw new Error(
    `Chromium is needed for the page test and was not found (${why}). Install Debian's 'chromium' package, or set AADSTS_CHROMIUM to a Chromium binary.`,
  );
}
