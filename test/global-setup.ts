import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/** The CLI tests spawn the built binary; build it when a plain `vitest` run finds none. */
export default function setup(): void {
  if (!existsSync(new URL("../dist/cli.js", import.meta.url))) {
    execFileSync("npx", ["tsup"], { stdio: "inherit", cwd: new URL("..", import.meta.url).pathname });
  }
}
