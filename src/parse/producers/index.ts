/**
 * The producer registry: every producer module, outermost first (a wrapper before what it wraps, an
 * Azure SDK before its MSAL). Adding a producer is one module, one line here, and fixtures.
 */
import type { ParsedAuthError, Sdk } from "../../schema.js";
import { azureCli } from "./azure-cli.js";
import { browser } from "./browser.js";
import { dotnet } from "./dotnet.js";
import { go } from "./go.js";
import { java } from "./java.js";
import { js } from "./js.js";
import { kubernetes } from "./kubernetes.js";
import { msalDotnet } from "./msal-dotnet.js";
import { msalGo } from "./msal-go.js";
import { msalJava } from "./msal-java.js";
import { msalJs } from "./msal-js.js";
import { msalPython } from "./msal-python.js";
import { powershell } from "./powershell.js";
import { python } from "./python.js";
import { terraform } from "./terraform.js";
import type { Producer, ProducerFindings } from "./types.js";

export type { Producer, ProducerFindings } from "./types.js";

/** Outermost first: at the same position in a text, the earlier producer in this list wins. */
export const PRODUCERS: readonly Producer[] = [
  terraform,
  browser,
  powershell,
  azureCli,
  kubernetes,
  go,
  dotnet,
  java,
  python,
  js,
  msalJava,
  msalDotnet,
  msalJs,
  msalPython,
  msalGo,
];

const BY_NAME = new Map<string, Producer>(PRODUCERS.map((p) => [p.name, p]));

function firstAt(markers: Producer["markers"], text: string): number {
  let at = Number.POSITIVE_INFINITY;
  for (const marker of markers) {
    const i = typeof marker === "function" ? marker(text) : text.search(marker);
    if (i >= 0 && i < at) at = i;
  }
  return at;
}

/**
 * The producer that printed the text. A wrapper that claims the text wins; otherwise the producer whose
 * marker comes first (a wrapper prints its header before what it wraps); an MSAL gives way to the SDK
 * that wraps it when that SDK's markers are in the text too; a wrapper whose trailer follows the text of
 * a producer it wraps printed it (a PowerShell record around .NET's message). `raw` is the text as pasted, before quote
 * and frame prefixes were removed. A stack trace alone names a language, not a producer: no guess.
 */
export function detectProducer(text: string, raw = text): Producer | undefined {
  for (const p of PRODUCERS) if (p.claims?.(raw)) return p;
  let best: Producer | undefined;
  let bestAt = Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  for (const p of PRODUCERS) {
    const at = firstAt(p.markers, text);
    if (at === Number.POSITIVE_INFINITY) continue;
    seen.add(p.name);
    if (at < bestAt) {
      best = p;
      bestAt = at;
    }
  }
  if (best?.wrappedBy && seen.has(best.wrappedBy)) best = BY_NAME.get(best.wrappedBy) ?? best;
  for (const p of PRODUCERS)
    if (best && p.wraps?.includes(best.name) && p.trailers && firstAt(p.trailers, text) < Infinity) return p;
  return best;
}

/** What every producer's own reader finds; where two report a field, the outer producer's value wins. */
export function readProducers(text: string): ProducerFindings {
  const out: ProducerFindings = {};
  for (const p of PRODUCERS) {
    if (!p.read) continue;
    const found = p.read(text) as Record<string, unknown>;
    for (const [key, value] of Object.entries(found))
      if (value !== undefined && (out as Record<string, unknown>)[key] === undefined)
        (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** The SDK whose advice applies to a producer's text (MSAL Go → Go, PowerShell → .NET). */
export function adviceSdk(sdk: Sdk | undefined): Sdk | undefined {
  return sdk ? (BY_NAME.get(sdk)?.advice ?? sdk) : undefined;
}

/** Labels of the fields only some producers report, in registry order. */
export const PRODUCER_LABELS: ReadonlyArray<readonly [keyof ParsedAuthError, string]> = PRODUCERS.flatMap(
  (p) => p.labels ?? [],
);
