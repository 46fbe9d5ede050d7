/** Run a scenario (or any script) in a child process with its own environment; return what it printed. */
import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { ChainStep, ParsedAuthError } from "../../src/index.js";
import type { StandIn } from "../helpers/entra-standin.js";
import { identities, type Scenario } from "./scenarios.js";

export interface Explained {
  top: string | null;
  parsed: ParsedAuthError;
  decidedBy: { credential?: string; reason: string } | null;
  chain: ChainStep[] | null;
}
export interface RunResult {
  thrown: boolean;
  name?: string;
  string?: string;
  stack?: string;
  fromObject?: Explained;
  fromString?: Explained;
  fromStack?: Explained;
}

const RUNNER = new URL("./run-scenario.mjs", import.meta.url).pathname;

/** A bin folder for PATH: with a stand-in `az` that prints `message` and fails, or with none. */
function binDir(az: Scenario["az"]): string {
  const dir = mkdtempSync(join(tmpdir(), "aadsts-bin-"));
  if (az && az !== "absent") {
    const script = join(dir, "az");
    writeFileSync(script, `#!/bin/sh\necho ${JSON.stringify(az)} >&2\nexit 1\n`);
    chmodSync(script, 0o755);
  }
  return dir;
}

/**
 * Run a Node script in a child process sandboxed against the stand-in, and return the JSON on the last line
 * it printed. The child gets a clean environment (no AZURE_* or IDENTITY_* from the machine running the
 * tests), a HOME of its own, the stand-in's CA, and proxies that send anything not on loopback to a closed
 * port; `extraBin` goes first on its PATH, and `env` adds the script's own settings.
 */
export function runSandboxed<T>(
  standIn: StandIn,
  script: string,
  env: Record<string, string>,
  extraBin?: string,
): Promise<T> {
  const home = mkdtempSync(join(tmpdir(), "aadsts-home-"));
  const full: Record<string, string> = {
    PATH: [...(extraBin ? [extraBin] : []), dirname(process.execPath), "/usr/bin", "/bin"].join(":"),
    HOME: home,
    NODE_EXTRA_CA_CERTS: standIn.caFile,
    // Anything not on loopback goes to a closed port and fails instead of reaching the network.
    HTTPS_PROXY: "http://127.0.0.1:9",
    HTTP_PROXY: "http://127.0.0.1:9",
    NO_PROXY: "localhost,127.0.0.1",
    AADSTS_AUTHORITY_HOST: standIn.authorityHost,
    ...env,
  };
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script],
      { env: full, timeout: 60_000, maxBuffer: 8 << 20 },
      (error, stdout, stderr) => {
        for (const dir of [home, ...(extraBin ? [extraBin] : [])])
          rmSync(dir, { recursive: true, force: true });
        try {
          resolve(JSON.parse(stdout.trim().split("\n").pop() ?? "") as T);
        } catch {
          reject(new Error(`${script} printed no result: ${error?.message ?? ""}\n${stderr}`));
        }
      },
    );
  });
}

export function runScenario(standIn: StandIn, scenario: Scenario, index: number): Promise<RunResult> {
  const id = identities(index);
  const fill = (v: string) =>
    v
      .replaceAll("{authority}", standIn.authorityHost)
      .replaceAll("{plain}", standIn.plainHost)
      .replaceAll("{tenant}", id.tenant)
      .replaceAll("{client}", id.client);
  const env: Record<string, string> = {
    AADSTS_PLAIN_HOST: standIn.plainHost,
    AADSTS_CLIENT_CERT: standIn.clientCertFile,
    // Keep managed identity probes on loopback unless a scenario points them at the stand-in.
    AZURE_POD_IDENTITY_AUTHORITY_HOST: "http://127.0.0.1:9",
    AADSTS_SCENARIO: JSON.stringify({
      id: scenario.id,
      kind: scenario.kind,
      tenant: id.tenant,
      clientId: id.client,
      maxRetries: scenario.maxRetries,
    }),
  };
  for (const [k, v] of Object.entries(scenario.env ?? {})) env[k] = fill(v);
  return runSandboxed<RunResult>(standIn, RUNNER, env, binDir(scenario.az)).catch((e: Error) => {
    throw new Error(`scenario ${scenario.id}: ${e.message}`);
  });
}
