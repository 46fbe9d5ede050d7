/**
 * What a producer module says about the texts one producer prints (an Azure SDK, an MSAL, a CLI, a
 * wrapper): how to recognise them, what it wraps, what only its shape states, whose advice applies and
 * how its own fields are labelled. One module per producer; ./index.ts lists them.
 */
import type { ParsedAuthError, Sdk } from "../../schema.js";

/** Fields a producer's own shape states (parse() merges them with the field readers' results). */
export interface ProducerFindings {
  /** A credential named by the producer's own phrasing (Python `X.get_token failed`). */
  credential?: string;
  /** The text after the credential's header (`authentication failed. <message>`). */
  message?: string;
  request?: { method: string; url: string };
  statusText?: string;
  /** False when the status the text prints is not the server's. */
  statusReliable?: false;
  codes?: number[];
  timestampText?: string;
  serviceErrorCode?: string;
  troubleshootingUrl?: string;
  command?: string;
  cmdlet?: string;
}

export interface Producer {
  /** The producer's name (test/corpus/README.md's vocabulary). */
  name: string;
  /**
   * The `sdk` value parse() reports for this producer's texts. None for a host (see `host`): parse()
   * reports the SDK whose marks the host's text carries instead.
   */
  sdk?: Sdk;
  /**
   * True for a host: a program that prints an SDK's error under its own log prefix (a Kubernetes add-on).
   * parse() reports it as `host`, and the SDK whose wording it prints (found among the other producers'
   * marks) as `sdk`; advice then uses no SDK's terms.
   */
  host?: true;
  /**
   * Marks of this producer's shape; the producer whose marker comes first in the text printed it. A
   * function gives the position of a mark that takes more than one pattern (-1: none).
   */
  markers: ReadonlyArray<RegExp | ((text: string) => number)>;
  /**
   * Marks this producer shares with others (an error class two SDKs name alike). They count as this
   * producer's marker only when no mark of the others (their markers or their runtime's) is in the text.
   */
  shared?: { markers: readonly RegExp[]; with: readonly string[] };
  /**
   * Marks of the producer's language runtime, not of the producer itself: its stack frames and its
   * runtime's own exception types. They name the language (and so the SDK whose terms the reader uses)
   * only when no producer's marker is in the text.
   */
  runtime?: readonly RegExp[];
  /**
   * For a wrapper: true when the text is certainly this producer's, wherever the wrapped producer's
   * markers are (Terraform's `│ Error:` frame, PowerShell's record trailer, a redirect carrying the
   * error). Tested on the text as pasted, before quote and frame prefixes are removed.
   */
  claims?: (text: string) => boolean;
  /**
   * Marks a wrapper prints after the text it wraps (PowerShell's `+ CategoryInfo`), and the producers it
   * wraps that way: when one of those comes first in the text and a trailer follows, the wrapper printed it.
   */
  trailers?: readonly RegExp[];
  wraps?: readonly string[];
  /** For an MSAL: the Azure SDK that wraps it. When that SDK's markers are in the text too, it printed it. */
  wrappedBy?: string;
  /** The SDK whose version of the advice applies (a catalog entry's `mitigationBySdk` key). */
  advice?: Sdk;
  /** Labels of the fields only this producer reports, for every output format. */
  labels?: ReadonlyArray<readonly [keyof ParsedAuthError, string]>;
  /** What only this producer's shape states. Runs on every text: shapes nest (MSAL inside an SDK). */
  read?: (text: string) => ProducerFindings;
}
