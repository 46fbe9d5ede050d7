/**
 * The chain field: a credential chain's name and one text per credential it tried, in every layout the
 * producers print one. Go: `DefaultAzureCredential: failed to acquire a token.` and tab-indented members;
 * Java: `X authentication failed. ---> Y …` and the all-unavailable list; Python and .NET:
 * `X failed to retrieve a token from the included credentials.` with tab, loose or `- ` members; JS:
 * AggregateAuthenticationError's one line per member. Members are parsed one by one by parse().
 */
import { execIfPossible, mayMatch, PATTERNS } from "../patterns.js";

export interface Chain {
  /** The chain's name, when the text prints one. */
  chain?: string;
  members?: string[];
}

/** The chain in the text, if any: Go's layout first, then the others. */
export function readChain(text: string): Chain {
  const goHeader = execIfPossible("goChainHeader", text);
  if (goHeader?.[1]) return { chain: goHeader[1], members: goChainMembers(text) };
  const f: Chain = {};
  readChains(text, f);
  return f;
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

function readChains(text: string, f: Chain): void {
  // Java: `DefaultAzureCredential authentication failed. ---> EnvironmentCredential authentication failed. Error Details: …`
  const javaNested = execIfPossible("javaNested", text);
  if (javaNested?.[1] && javaNested[2]) {
    f.chain = javaNested[1];
    const rest = text.slice((javaNested.index ?? 0) + javaNested[0].length);
    f.members = [`${javaNested[2]} authentication failed: ${rest.trim()}`];
    return;
  }
  // Python and .NET: `<Chain> failed to retrieve a token from the included credentials.` (or Python's
  // older header).
  const retrieve = chainHeader(text);
  if (retrieve) {
    f.chain = retrieve.chain;
    const after = text.slice(retrieve.end);
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
    // An INFO or DEBUG line between the members reports on the chain; it is not one of them.
    if (line.trim() && !PATTERNS.infoLogLine.test(line)) lines.push(line.trim());
  }
  // Two or more credentials: the same one printed twice (a log line and its exception) is not a list.
  const named = new Set(
    lines
      .filter((l) => l.includes("authentication unavailable"))
      .map((l) => PATTERNS.credentialAtStart.exec(l)?.[1] ?? l),
  ).size;
  if (
    named >= 2 ||
    (lines.length >= 2 && text.includes("azure-identity-java-default-azure-credential-troubleshoot"))
  )
    f.members = lines;
}

/**
 * The chain's header of Python and .NET (`<Chain> failed to retrieve a token from the included
 * credentials.`), or azure-identity for Python's older one (`No credential in this chain provided a
 * token.`, the chain named by the frame that called it): the chain's name and where its members start.
 */
function chainHeader(text: string): { chain: string; end: number } | undefined {
  const retrieve = execIfPossible("chainRetrieveHeader", text);
  if (retrieve?.[1]) return { chain: retrieve[1], end: retrieve.index + retrieve[0].length };
  if (!text.includes("No credential in this chain")) return undefined;
  const old = PATTERNS.pythonOldChainHeader.exec(text);
  if (!old) return undefined;
  const chain = PATTERNS.pythonSuperFrame.exec(text)?.[1] ?? "ChainedTokenCredential";
  return { chain, end: old.index + old[0].length };
}

/** The label azidentity prints before a chain's members. */
const ATTEMPTED = "Attempted credentials:";

/**
 * Go writes each attempted credential as `\n\t<error text>`, with the error's own line breaks turned into
 * `\n\t\t`. A member runs to the next member line and is de-indented; lines that lost their tabs (a
 * terminal or Terraform re-wrapping the text) stay with it. The last member ends where the surrounding
 * output resumes (a goroutine dump, `exit status`, the next log line).
 */
function goChainMembers(text: string): string[] {
  let starts = [...text.matchAll(PATTERNS.goChainMember)].map((m) => m.index ?? 0);
  // With no tab-indented member, the lines after the `Attempted credentials:` label that name a
  // credential are the members (their tabs were lost on the way).
  if (starts.length === 0) {
    const label = text.indexOf(ATTEMPTED);
    if (label >= 0) {
      const from = label + ATTEMPTED.length;
      starts = [...text.slice(from).matchAll(PATTERNS.goChainMemberLoose)].map((m) => from + (m.index ?? 0));
    }
  }
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
