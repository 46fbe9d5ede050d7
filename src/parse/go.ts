/**
 * The Azure SDK for Go shapes: azidentity's AuthenticationFailedError (header, request line, 80-dash
 * RESPONSE block, JSON body, troubleshooting link), its chained-credential list, azcore's ResponseError
 * (`ERROR CODE:`), net/http transport errors, and MSAL Go's `http call(…)(POST) error: …`.
 */
import { execIfPossible, PATTERNS } from "../patterns.js";
import { stripQuery } from "./fields.js";

export interface GoShape {
  sdk?: "go" | "msal-go";
  credential?: string;
  /** The text after `authentication failed. ` or after `<Credential>: `. */
  message?: string;
  request?: { method: string; url: string };
  status?: number;
  statusText?: string;
  serviceErrorCode?: string;
  troubleshootingUrl?: string;
  /** A chain's member texts, one per credential tried, de-indented. */
  members?: string[];
  /** The chain's name, when this is a chain. */
  chain?: string;
}

export function readGoShape(text: string): GoShape {
  const shape: GoShape = {};
  const chainHeader = execIfPossible("goChainHeader", text);
  const header = execIfPossible("goAuthFailedHeader", text);
  const prefixLine = execIfPossible("credentialPrefixLine", text);

  if (chainHeader?.[1]) {
    shape.credential = chainHeader[1];
    shape.chain = chainHeader[1];
    shape.message = "failed to acquire a token";
    shape.sdk = "go";
  } else if (header?.[1]) {
    shape.credential = header[1];
    const tail = header[2]?.trim();
    if (tail) shape.message = tail;
  } else if (prefixLine?.[1] && prefixLine[2]) {
    shape.credential = prefixLine[1];
    shape.message = prefixLine[2].trim();
  }

  const request = PATTERNS.requestLine.exec(text);
  if (request?.[1] && request[2]) shape.request = { method: request[1], url: stripQuery(request[2]) };

  const response = PATTERNS.responseLine.exec(text);
  if (response?.[1]) {
    shape.status = Number(response[1]);
    const statusText = (response[2] ?? "").replace(PATTERNS.leadingStatus, "").trim();
    if (statusText) shape.statusText = statusText;
    if (PATTERNS.goSeparator.test(text)) shape.sdk = "go";
  }

  const errorCode = PATTERNS.errorCodeLine.exec(text);
  if (errorCode?.[1]) shape.serviceErrorCode = errorCode[1];

  const transport = PATTERNS.goTransportError.exec(text);
  if (transport?.[1] && transport[2]) {
    shape.request ??= { method: transport[1].toUpperCase(), url: stripQuery(transport[2]) };
    shape.sdk ??= "go";
    if (!shape.message || shape.message.startsWith(`${transport[1]} "`)) shape.message = transport[3]?.trim();
  }

  const msalGo = PATTERNS.msalGoCall.exec(text);
  if (msalGo?.[1] && msalGo[2] && msalGo[3]) {
    shape.request ??= { method: msalGo[2], url: msalGo[1] };
    shape.status ??= Number(msalGo[3]);
    shape.sdk ??= "msal-go";
  }

  const link = PATTERNS.troubleshootingUrl.exec(text);
  if (link) {
    // A sentence's full stop is not part of the link.
    shape.troubleshootingUrl = link[0].endsWith(".") ? link[0].slice(0, -1) : link[0];
    if (PATTERNS.goTroubleshootingUrl.test(link[0])) shape.sdk = "go";
  }

  if (shape.chain) shape.members = chainMembers(text);
  return shape;
}

/**
 * Go writes each attempted credential as `\n\t<error text>`, with the error's own line breaks turned into
 * `\n\t\t`. A member runs to the next member line and is de-indented; lines that lost their tabs (a
 * terminal or Terraform re-wrapping the text) stay with it. The last member ends where the surrounding
 * output resumes (a goroutine dump, `exit status`, the next log line).
 */
function chainMembers(text: string): string[] {
  const starts = [...text.matchAll(PATTERNS.goChainMember)].map((m) => m.index ?? 0);
  const members: string[] = [];
  for (let i = 0; i < starts.length; i++) {
    const last = i === starts.length - 1;
    const lines = text.slice(starts[i], starts[i + 1] ?? text.length).split("\n");
    const kept: string[] = [];
    for (const [j, line] of lines.entries()) {
      if (j > 0 && last && PATTERNS.goChainEnd.test(line)) break;
      kept.push(line.startsWith("\t\t") ? line.slice(2) : line.startsWith("\t") ? line.slice(1) : line);
    }
    members.push(kept.join("\n").trimEnd());
  }
  return members;
}
