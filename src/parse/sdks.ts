/**
 * The shapes other producers print (ERROR-FORMATS.md §3–§10): @azure/identity for JS, msal-common,
 * Python azure-identity and MSAL Python, .NET Azure.Identity and MSAL.NET, Java azure-identity and
 * MSAL4J, the Azure CLI, Azure PowerShell and Terraform. Each reader reports only what its shape states;
 * parse() merges the findings. Chains are returned as member texts, parsed one by one by the caller.
 */
import { execIfPossible, mayMatch, PATTERNS } from "../patterns.js";
import type { Sdk } from "../schema.js";
import { codeList } from "./fields.js";

export interface SdkFindings {
  sdk?: Sdk;
  /** The chain's name when the text is a credential chain. */
  chain?: string;
  /** A credential named by a producer-specific phrase (Python `X.get_token failed`, Java nesting). */
  credential?: string;
  codes?: number[];
  statusReliable?: false;
  timestampText?: string;
  exception?: string;
  command?: string;
  cmdlet?: string;
  /** One text per credential a chain tried. */
  members?: string[];
}

/** Producers from outermost to innermost: a wrapper's marker wins over what it wraps. */
const SDK_MARKERS: Array<[Sdk, RegExp]> = [
  ["terraform", PATTERNS.sdkTerraform],
  ["powershell", PATTERNS.sdkPowerShell],
  ["azure-cli", PATTERNS.sdkAzureCli],
  ["dotnet", PATTERNS.sdkDotnet],
  ["java", PATTERNS.sdkJava],
  ["python", PATTERNS.sdkPython],
  ["js", PATTERNS.sdkJs],
  ["msal-java", PATTERNS.sdkMsalJava],
  ["msal-dotnet", PATTERNS.sdkMsalDotnet],
  ["msal-js", PATTERNS.sdkMsalJs],
  ["msal-python", PATTERNS.sdkMsalPython],
];

/**
 * The outermost producer whose marker the text carries (Go is detected by its own reader). A wrapper
 * prints its own header before the text it wraps, so the earliest marker wins; at the same position the
 * order of SDK_MARKERS decides.
 */
export function detectSdk(text: string): Sdk | undefined {
  if (PATTERNS.sdkBrowser.test(text) && PATTERNS.redirectError.test(text)) return "browser";
  let best: Sdk | undefined;
  let bestAt = Number.POSITIVE_INFINITY;
  const seen = new Set<Sdk>();
  for (const [sdk, marker] of SDK_MARKERS) {
    const at = text.search(marker);
    if (at < 0) continue;
    seen.add(sdk);
    if (at < bestAt) {
      best = sdk;
      bestAt = at;
    }
  }
  // An Azure SDK wraps its MSAL: MSAL stack frames printed before the SDK's exception do not make it MSAL's.
  // (Not for Python: azure-identity never prints MSAL Python's dict, so a dict before a traceback is MSAL's.)
  const wrapper = best?.startsWith("msal-") && best !== "msal-python" ? (best.slice(5) as Sdk) : undefined;
  return wrapper && seen.has(wrapper) ? wrapper : best;
}

/** Split `text` at each match of a multi-line, global `marker`; each piece runs to the next marker. */
function splitMembers(text: string, marker: RegExp, stop?: (line: string) => boolean): string[] {
  const starts = [...text.matchAll(marker)].map((m) => m.index ?? 0);
  const members: string[] = [];
  for (let i = 0; i < starts.length; i++) {
    const chunk = text.slice(starts[i], starts[i + 1] ?? text.length);
    const lines = chunk.split("\n");
    const kept: string[] = [];
    for (const [j, line] of lines.entries()) {
      if (j > 0 && stop?.(line)) break;
      kept.push(line);
    }
    members.push(kept.join("\n").trim());
  }
  return members;
}

const isMitigationTail = (line: string) => line.startsWith("To mitigate this issue");
const isStackFrame = (line: string) => PATTERNS.stackFrame.test(line);

export function readSdkShapes(text: string): SdkFindings {
  const f: SdkFindings = {};
  const sdk = detectSdk(text);
  if (sdk) f.sdk = sdk;
  const exception = PATTERNS.exceptionName.exec(text)?.[1];
  if (exception) f.exception = exception;

  // msal-common layouts (also inside @azure/identity's AuthenticationRequiredError): the code list and
  // the timestamp. The error before them is read with every other form of it (oauth-error.ts).
  const msalNew = PATTERNS.msalJsNew.exec(text);
  const msalOld = msalNew ? null : PATTERNS.msalJsOld.exec(text);
  if (msalNew) {
    f.codes = codeList(msalNew[2]);
    const ts = PATTERNS.msalJsTimestamp.exec(text)?.[1];
    if (ts) f.timestampText = ts;
  } else if (msalOld) {
    f.codes = codeList(msalOld[2]);
    f.timestampText = msalOld[3];
  } else {
    const bracket = PATTERNS.msalJsBracketTimestamp.exec(text)?.[1];
    if (bracket) f.timestampText = bracket;
  }

  // @azure/identity's EnvironmentCredential wrapper prints a status of its own, not the server's.
  if (PATTERNS.jsEnvironmentWrapper.test(text)) f.statusReliable = false;

  // Python: `ClientSecretCredential.get_token failed: …`.
  const getToken = execIfPossible("pythonGetToken", text)?.[1];
  if (getToken) f.credential = getToken;

  // Azure CLI advice and PowerShell cmdlet.
  const advice = PATTERNS.cliAdvice.exec(text)?.[1];
  if (advice)
    f.command = advice
      .trim()
      .split("\n")
      .map((l) => l.trim())
      .join("\n");
  const cmdlet = PATTERNS.cmdlet.exec(text)?.[1];
  if (cmdlet) f.cmdlet = cmdlet;

  readChains(text, f);
  return f;
}

function readChains(text: string, f: SdkFindings): void {
  // Java: `DefaultAzureCredential authentication failed. ---> EnvironmentCredential authentication failed. Error Details: …`
  const javaNested = execIfPossible("javaNested", text);
  if (javaNested?.[1] && javaNested[2]) {
    f.chain = javaNested[1];
    const rest = text.slice((javaNested.index ?? 0) + javaNested[0].length);
    f.members = [`${javaNested[2]} authentication failed: ${rest.trim()}`];
    return;
  }
  // Python and .NET: `<Chain> failed to retrieve a token from the included credentials.`
  const retrieve = execIfPossible("chainRetrieveHeader", text);
  if (retrieve?.[1]) {
    f.chain = retrieve[1];
    const after = text.slice((retrieve.index ?? 0) + retrieve[0].length);
    const python = splitMembers(after, PATTERNS.pythonMember, (line) => isMitigationTail(line));
    if (python.length > 0) {
      f.members = python;
      return;
    }
    // Tabs pasted as spaces, or the whole list flattened onto one line.
    const listAt = after.indexOf("Attempted credentials:");
    if (listAt >= 0) {
      const list = after.slice(listAt + "Attempted credentials:".length);
      const tail = list.indexOf("To mitigate this issue");
      const loose = splitMembers(
        tail >= 0 ? list.slice(0, tail) : list,
        PATTERNS.pythonMemberLoose,
        isMitigationTail,
      );
      if (loose.length > 0) {
        f.members = loose;
        return;
      }
    }
    // A member runs to the next `- ` line: its Status/Content/Headers lines belong to it.
    const dotnet = splitMembers(after, PATTERNS.dotnetMember, isStackFrame);
    if (dotnet.length > 0) f.members = dotnet.map((m) => m.replace(PATTERNS.dashBullet, ""));
    return;
  }
  // JS: AggregateAuthenticationError, one `<ErrorName>: …` line per credential after its header.
  // (Users often paste the chain without the error's name: the header line alone.)
  let aggregate = text.indexOf("AggregateAuthenticationError");
  if (aggregate < 0) aggregate = text.indexOf("ChainedTokenCredential authentication failed.");
  if (aggregate >= 0) {
    const headerEnd = text.indexOf("\n", aggregate);
    if (headerEnd > 0) {
      const members = splitMembers(text.slice(headerEnd + 1), PATTERNS.jsMemberLine, isStackFrame);
      if (members.length > 0) f.members = members;
    }
    return;
  }
  // Java, every credential unavailable: the messages joined with line breaks, one per credential, some
  // naming no credential ("Managed Identity authentication is not available."). The list starts at the
  // first `<Credential> authentication unavailable` and ends at the stack trace.
  const first = mayMatch("javaUnavailableMember", text) ? PATTERNS.javaUnavailableMember.exec(text) : null;
  PATTERNS.javaUnavailableMember.lastIndex = 0;
  if (!first) return;
  const start = (first.index ?? 0) + first[0].indexOf(first[1] as string);
  const lines: string[] = [];
  for (const line of text.slice(start).split("\n")) {
    if (isStackFrame(line)) break;
    if (line.trim()) lines.push(line.trim());
  }
  const named = lines.filter((l) => l.includes("authentication unavailable")).length;
  if (
    named >= 2 ||
    (lines.length >= 2 && text.includes("azure-identity-java-default-azure-credential-troubleshoot"))
  )
    f.members = lines;
}
