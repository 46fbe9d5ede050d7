/**
 * User catalogs: an organisation's own entries, in the same YAML shape as the built-in ones, added to or
 * explicitly overriding the built-in catalog ("in our company, 7000222 means open a ticket with team X").
 *
 * Every problem is reported with the file name, line and column (from `yaml`'s source positions) and the
 * field, so a person can fix the file from the message alone. Browser-safe: no `node:` imports.
 */
import { isNode, LineCounter, parseDocument } from "yaml";
import { PATTERNS } from "../patterns.js";
import { type CatalogEntry, completeMatch, UserEntrySchema } from "../schema.js";
import { type Catalog, createCatalog, defaultCatalog } from "./index.js";
import { checkMarkdown, entryProblems, shadowedEntry } from "./rules.js";

/** A user catalog that cannot be loaded. `problems` holds one line per problem, each naming file:line:col. */
export class CatalogLoadError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      `${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"} in the catalog:\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
    this.name = "CatalogLoadError";
  }
}

/** Options of {@link loadCatalog}. */
export interface LoadCatalogOptions {
  /** The file name used in messages and in each entry's source (default "catalog.yaml"). */
  name?: string;
  /** The catalog to extend (default: the built-in one). Chain calls to layer several files. */
  base?: Catalog;
}

/** What a new user entry is unless it says otherwise. */
const NEW_ENTRY_DEFAULTS = {
  kind: "error",
  category: "configuration",
  actor: "developer",
  retryable: "unknown",
  related: [],
  covers: [],
} as const;

/** A zod path as a person writes it: match.codes[0]. */
function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "entry";
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : `${i > 0 ? "." : ""}${String(k)}`)).join("");
}

/**
 * Load a user catalog from YAML text (a list of entries) on top of `options.base` (the built-in catalog by
 * default). Throws CatalogLoadError, listing every problem with its line and column, when the YAML or an
 * entry is invalid. Overrides are explicit: reusing a built-in id, or explaining a code a built-in entry
 * already explains, without `override: true` is an error.
 *
 * @example
 * ```ts
 * import { explain, loadCatalog } from "aadsts";
 *
 * // Override the built-in entry for AADSTS7000222 with your own procedure.
 * const catalog = loadCatalog(`
 * - id: client-secret-expired
 *   override: true
 *   title: "Client secret expired: ask the platform team to rotate it"
 *   mitigation: Open a ticket in the PLAT queue with the app's client ID.
 * `, { name: "acme.yaml" });
 * explain(err, { catalog }).matches[0]?.title; // "Client secret expired: ask the platform team to rotate it"
 * ```
 */
export function loadCatalog(yamlText: string, options: LoadCatalogOptions = {}): Catalog {
  const file = options.name ?? "catalog.yaml";
  const base = options.base ?? defaultCatalog;
  const lines = new LineCounter();
  const doc = parseDocument(String(yamlText), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    const p = lines.linePos(offset ?? 0);
    return `${file}:${p.line}:${p.col}`;
  };
  if (doc.errors.length > 0)
    throw new CatalogLoadError(
      file,
      doc.errors.map((e) => `${at(e.pos[0])}: invalid YAML: ${e.message.split("\n")[0]}`),
    );
  /** The position of the deepest node that exists along a path (a missing key points at its entry). */
  const position = (path: readonly PropertyKey[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return at(node.range[0]);
    }
    return `${file}:1:1`;
  };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // An alias to an anchor that is not set yet, or an alias bomb.
    throw new CatalogLoadError(file, [`${file}: invalid YAML: ${(e as Error).message.split("\n")[0]}`]);
  }
  if (raw === null || raw === undefined) return base;
  if (!Array.isArray(raw))
    throw new CatalogLoadError(file, [`${position([])}: a catalog is a YAML list of entries (- id: …)`]);

  const problems: string[] = [];
  const entries = [...base.entries];
  const seen = new Set<string>();
  raw.forEach((item, i) => {
    const result = UserEntrySchema.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues) {
        // An unknown key is reported at the key itself, not at the map holding it.
        const path =
          issue.code === "unrecognized_keys" && issue.keys[0] ? [...issue.path, issue.keys[0]] : issue.path;
        problems.push(`${position([i, ...path])}: ${fieldName(path)}: ${issue.message}`);
      }
      return;
    }
    const u = result.data;
    const where = position([i]);
    const say = (field: string, message: string) =>
      problems.push(`${position([i, ...field.split(".")])}: ${field}: ${message}`);
    if (seen.has(u.id)) {
      say("id", `'${u.id}' appears twice in this file`);
      return;
    }
    seen.add(u.id);
    const builtIn = base.byId(u.id);
    if (u.override && !builtIn) {
      say("override", `there is no entry '${u.id}' to override (see 'aadsts list')`);
      return;
    }
    if (!u.override && builtIn) {
      say("id", `'${u.id}' is already an entry; add 'override: true' to replace it, or choose another id`);
      return;
    }
    if (!builtIn) {
      for (const field of ["title", "description", "mitigation", "match"] as const)
        if (u[field] === undefined) problems.push(`${where}: ${field}: a new entry needs a ${field}`);
      if (!u.title || !u.description || !u.mitigation || !u.match) return;
    }
    const match = completeMatch(u.match, builtIn?.match);
    const newIds = new Set(raw.map((x) => (x as { id?: unknown })?.id));
    const checked = entryProblems(
      {
        id: u.id,
        kind: u.kind ?? builtIn?.kind ?? "error",
        description: u.description ?? builtIn?.description ?? "",
        match,
        related: u.related ?? [],
      },
      (id) => base.byId(id) !== undefined || newIds.has(id),
    );
    for (const p of checked) say(p.field, p.message);
    // A code an existing entry explains must be overridden, not shadowed: a new entry may list it only for
    // credentials no existing entry for that code names.
    const shadowed = builtIn ? undefined : shadowedEntry(match, (code) => base.byCode(code));
    if (shadowed)
      say(
        "match.codes",
        `AADSTS${shadowed.code} is already explained by '${shadowed.entry.id}'; to change its advice, add an entry with 'id: ${shadowed.entry.id}' and 'override: true'`,
      );
    const mitigation = u.mitigation ?? builtIn?.mitigation ?? "";
    const found = checkMarkdown(mitigation, { anyHost: true });
    for (const p of found.problems) say("mitigation", p);
    const bySdk = u.mitigationBySdk ?? (u.mitigation ? undefined : builtIn?.mitigationBySdk);
    for (const md of Object.values(bySdk ?? {}))
      for (const p of checkMarkdown(md ?? "", { anyHost: true }).problems) say("mitigationBySdk", p);
    const causes = (u.causes ?? []).map((c, k) => {
      const one = checkMarkdown(c.mitigation, { anyHost: true });
      for (const p of one.problems) say(`causes.${k}.mitigation`, p);
      return { ...c, description: c.description.replace(PATTERNS.whitespace, " ").trim(), links: one.links };
    });
    if (checked.length > 0 || shadowed || found.problems.length > 0) return;

    // Every field the file sets replaces the built-in one (or the defaults of a new entry).
    const { override: _override, source: _source, match: _match, ...fields } = u;
    const written = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const entry: CatalogEntry = {
      ...(builtIn ?? NEW_ENTRY_DEFAULTS),
      ...written,
      description: (u.description ?? builtIn?.description ?? "").replace(PATTERNS.whitespace, " ").trim(),
      mitigation: mitigation.trimEnd(),
      match,
      links: u.mitigation || !builtIn ? found.links : builtIn.links,
      source: {
        guide: "user",
        section: file,
        url: u.source ?? found.links[0]?.url ?? builtIn?.source.url ?? "",
      },
    } as CatalogEntry;
    if (u.causes) entry.causes = causes;
    if (bySdk) entry.mitigationBySdk = bySdk;
    else delete entry.mitigationBySdk;
    if (builtIn) entries[entries.findIndex((e) => e.id === u.id)] = entry;
    else entries.push(entry);
  });
  if (problems.length > 0) throw new CatalogLoadError(file, problems);
  return createCatalog(entries);
}
