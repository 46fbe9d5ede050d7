import { tmpdir } from "node:os";
import type { StandIn } from "../helpers/entra-standin.js";

/** Where the real SDK's texts are stored, relative to test/. */
export const REAL_FIXTURES = "./fixtures/real";

/** The SDK's text with what changes between runs (ports, temp paths) replaced by stable placeholders. */
export function normaliseRealText(
  text: string,
  standIn: Pick<StandIn, "authorityHost" | "plainHost">,
): string {
  return `${text
    .split(standIn.authorityHost)
    .join("https://localhost:PORT")
    .split(standIn.plainHost)
    .join("http://127.0.0.1:PORT")
    .split(tmpdir())
    .join("/TMP")}\n`;
}
