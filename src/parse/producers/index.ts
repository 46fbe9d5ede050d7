/**
 * The producer registry: every producer module, outermost first (a wrapper before what it wraps, an
 * Azure SDK before its MSAL). Adding a producer is one module, one line here, and fixtures.
 */
import { namedAlternation } from "../../patterns.js";
import type { ParsedAuthError, Sdk } from "../../schema.js";
import { holdsAnyOf, mayMatch, requiredLiterals, trigramList } from "../prefilter.js";
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

/**
 * Every producer's pattern markers as one alternation, a named group per producer (`p3`: PRODUCERS[3]),
 * run in multiline mode (markers anchor with `^` at line starts). Each marker is proven linear on its
 * own (test/redos.test.ts); test/producers.test.ts checks that this alternation holds nothing else and
 * finds what searching each marker alone finds. Built on first use: a command that only prints an entry
 * (`aadsts lookup`) loads this module for the producers' labels and never pays for it.
 */
let alternation: RegExp | undefined;
export function allMarkers(): RegExp {
  alternation ??= namedAlternation(markerGroups());
  return alternation;
}

/** Each producer's pattern markers, as [group name, markers], in registry order. */
const markerGroups = () =>
  PRODUCERS.map((p, i) => [`p${i}`, p.markers.filter((m): m is RegExp => m instanceof RegExp)] as const);

/**
 * The literals each producer's pattern markers require (prefilter.ts), as the trigrams a text must hold
 * for each (prefilter's trigramList). Undefined for a producer whose markers require nothing known
 * (always searched).
 */
let required: Array<Int32Array | undefined> | undefined;
export function requiredTrigrams(): Array<Int32Array | undefined> {
  required ??= markerGroups().map(([, markers]) => {
    if (markers.length === 0) return new Int32Array(0);
    const sets = markers.map(requiredLiterals);
    if (sets.some((set) => set === undefined)) return undefined;
    const literals = sets.flat() as string[];
    // A literal shorter than a trigram cannot be checked: the producer is then always searched.
    if (literals.some((l) => l.length < 3)) return undefined;
    return trigramList(literals);
  });
  return required;
}

/**
 * The markers' alternation without the producers that cannot match, by the set of producers kept (a
 * bit per producer). Patterns are compiled once per set; past MAX_SUBSETS sets the whole alternation
 * is used, which gives the same answer.
 */
const subsets = new Map<number, RegExp>();
const MAX_SUBSETS = 256;

/**
 * The producer whose pattern marker comes first in `text`, and where (registry order at a tie): what
 * allMarkers().exec(text) gives. A producer none of whose required literals is in the text cannot
 * match; its markers are left out of the alternation, which then tries far fewer markers at each
 * position (the text's table of trigrams, prefilter.ts, rules literals out).
 */
function earliestMarker(text: string): { producer: Producer; at: number } | undefined {
  // Reading the markers' literals costs about as much as a few dozen texts' searches: a process that
  // reads only a few texts (one error, a log with one failure) searches the whole alternation instead,
  // which gives the same answer. So does a process that reads texts of many kinds (see manyKinds).
  if (wholeOnly) return producerAt(allMarkers().exec(text));
  if (unpruned < UNPRUNED_CALLS) {
    unpruned++;
    return producerAt(allMarkers().exec(text));
  }
  const needs = requiredTrigrams();
  let kept = 0;
  needs.forEach((literals, i) => {
    if (literals === undefined || holdsAnyOf(literals, text)) kept |= 1 << i;
  });
  if (kept === 0) return undefined;
  let pattern = subsets.get(kept);
  if (!pattern) {
    pattern =
      subsets.size < MAX_SUBSETS
        ? namedAlternation(markerGroups().filter((_, i) => kept & (1 << i)))
        : allMarkers();
    if (subsets.size < MAX_SUBSETS) subsets.set(kept, pattern);
  }
  return producerAt(pattern.exec(text));
}

/** Searches made with the whole alternation before the markers' literals are read (see earliestMarker). */
const UNPRUNED_CALLS = 16;
let unpruned = 0;
let wholeOnly = false;

/**
 * For a process that will read hundreds of texts of many kinds, each of them once (scan's new kinds of
 * failure, a few percent of a log's failures): every search from now on uses the whole alternation. Its
 * compile is paid once, where each new set of producers a text leaves possible compiles a pattern of its
 * own (a few ms each, on first use), and reading the markers' literals is not paid at all; a warm search
 * of the whole alternation costs a few µs more than a subset's. The answers are the same.
 */
export function manyKinds(): void {
  wholeOnly = true;
}

/** The producer of a match of the markers' alternation (or of a subset of it), and where. */
function producerAt(m: RegExpExecArray | null): { producer: Producer; at: number } | undefined {
  if (!m?.groups) return undefined;
  // At one position the alternation's order is the registry's: the group that took part is the producer.
  const name = Object.keys(m.groups).find((k) => m.groups?.[k] !== undefined);
  return name === undefined
    ? undefined
    : { producer: PRODUCERS[Number(name.slice(1))] as Producer, at: m.index };
}

/**
 * Where `marker` first matches in `text`, or -1. A text that lacks every literal the pattern requires
 * (prefilter.ts) is not searched: a native substring search says so for far less than the pattern's scan.
 */
function searchMarker(marker: RegExp, text: string): number {
  return mayMatch(marker, text) ? text.search(marker) : -1;
}

/** The earliest position of any of the markers in `text`, or Infinity. */
function firstAt(markers: Producer["markers"], text: string): number {
  let at = Number.POSITIVE_INFINITY;
  for (const marker of markers) {
    const i = typeof marker === "function" ? marker(text) : searchMarker(marker, text);
    if (i >= 0 && i < at) at = i;
  }
  return at;
}

/**
 * The producer that printed the text. A wrapper that claims the text wins; otherwise the producer whose
 * marker comes first (a wrapper prints its header before what it wraps); an MSAL gives way to the SDK
 * that wraps it when that SDK's markers are in the text too; a wrapper whose trailer follows the text of
 * a producer it wraps printed it (a PowerShell record around .NET's message). `raw` is the text as
 * pasted, before quote and frame prefixes were removed. With no producer's mark, a stack trace or a runtime
 * exception type names the language, and that language's SDK is the producer (byRuntime).
 */
export function detectProducer(text: string, raw = text): Producer | undefined {
  return detectAmong(text, raw, false) ?? byRuntime(text);
}

/** The producer whose own marks the text carries, without the runtime fallback of detectProducer. */
export function detectMarkedProducer(text: string, raw = text): Producer | undefined {
  return detectAmong(text, raw, false);
}

/** The language whose runtime printed the text (a stack trace, a runtime exception type), by its SDK's name. */
export function detectRuntime(text: string): Sdk | undefined {
  return byRuntime(text)?.sdk;
}

/**
 * The producer a host (detectProducer's answer for a Kubernetes add-on's line) prints the wording of:
 * the same rules, over every producer but the hosts. Undefined when the host prints no SDK's marks.
 */
export function detectHosted(text: string, raw = text): Producer | undefined {
  return detectAmong(text, raw, true);
}

function detectAmong(text: string, raw: string, skipHosts: boolean): Producer | undefined {
  for (const p of PRODUCERS) if (p.claims?.(raw) && !(skipHosts && p.host)) return p;
  let best: Producer | undefined;
  let bestAt = Number.POSITIVE_INFINITY;
  if (!skipHosts) {
    // The earliest pattern marker, registry order at a tie.
    const first = earliestMarker(text);
    if (first) {
      best = first.producer;
      bestAt = first.at;
    }
  }
  // Markers that take more than one pattern (Go's response block) are functions, asked one by one; with
  // the hosts left out, every marker is (the rare second look after a host's mark). A shared mark counts
  // only when none of the producers it is shared with left a mark.
  const consider = (p: Producer, i: number, at: number) => {
    if (at < 0) return;
    if (at < bestAt || (at === bestAt && best !== undefined && i < PRODUCERS.indexOf(best))) {
      best = p;
      bestAt = at;
    }
  };
  PRODUCERS.forEach((p, i) => {
    if (skipHosts && p.host) return;
    for (const marker of p.markers)
      if (typeof marker === "function") consider(p, i, marker(text));
      else if (skipHosts) consider(p, i, searchMarker(marker, text));
    if (p.shared) consider(p, i, sharedAt(p.shared, text));
  });
  // An MSAL's SDK anywhere in the text (after the MSAL's own mark, as its stack frames often are) wraps it.
  const wrapping = best?.wrappedBy ? BY_NAME.get(best.wrappedBy) : undefined;
  if (wrapping && firstAt(wrapping.markers, text) < Number.POSITIVE_INFINITY) best = wrapping;
  for (const p of PRODUCERS)
    if (best && p.wraps?.includes(best.name) && p.trailers && firstAt(p.trailers, text) < Infinity) return p;
  return best;
}

/** Where a shared mark is in the text, or -1 when it is not, or when a producer it is shared with left a mark. */
function sharedAt(shared: NonNullable<Producer["shared"]>, text: string): number {
  const at = firstAt(shared.markers, text);
  if (at === Number.POSITIVE_INFINITY) return -1;
  for (const name of shared.with) {
    const other = BY_NAME.get(name);
    if (!other) continue;
    if (firstAt(other.markers, text) < Number.POSITIVE_INFINITY) return -1;
    if (other.runtime && firstAt(other.runtime, text) < Number.POSITIVE_INFINITY) return -1;
  }
  return at;
}

/**
 * No producer's mark: the language whose runtime printed the stack or the exception type (a Python
 * traceback, a JVM frame), the earliest such mark first. The reader writes that language, so its SDK's
 * terms are the ones to use.
 */
function byRuntime(text: string): Producer | undefined {
  let best: Producer | undefined;
  let bestAt = Number.POSITIVE_INFINITY;
  for (const p of PRODUCERS) {
    if (!p.runtime) continue;
    const at = firstAt(p.runtime, text);
    if (at < bestAt) {
      best = p;
      bestAt = at;
    }
  }
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

/** The SDK whose advice applies to a producer's text (MSAL Go → Go; PowerShell and Terraform keep their own, else the neutral text). */
export function adviceSdk(sdk: Sdk | undefined): Sdk | undefined {
  return sdk ? (BY_NAME.get(sdk)?.advice ?? sdk) : undefined;
}

/**
 * The SDK whose terms a parsed error's advice uses: none when a host printed it (its reader runs the
 * host, not the SDK's code), else the SDK its shape shows.
 */
export function readerSdk(parsed: Pick<ParsedAuthError, "sdk" | "host" | "runtime">): Sdk | undefined {
  return parsed.host ? undefined : (parsed.sdk ?? parsed.runtime);
}

/** Labels of the fields only some producers report, in registry order. */
export const PRODUCER_LABELS: ReadonlyArray<readonly [keyof ParsedAuthError, string]> = PRODUCERS.flatMap(
  (p) => p.labels ?? [],
);
