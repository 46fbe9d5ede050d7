import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Options } from "tsup";
import { KEYS_FILE, PART_BYTES, partFile } from "./src/cli/catalog-file-names.js";
import { ENTRY_BLOCKS, ENTRY_KEYS } from "./src/generated/catalog.js";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

/** Library entry points, shipped as ESM and CommonJS with types for each. */
const library = { index: "src/index.ts", catalog: "src/catalog-data.ts", identity: "src/identity.ts" };

/**
 * Chunk boundaries for the ESM library: each module the entry point re-exports from is also an entry of the
 * build, so its code sits in a chunk of its own and dist/index.js only re-exports. An app's bundler then
 * drops the chunks it does not use (the package has no side effects), so the core never carries marked,
 * yaml or minisearch (scripts/size.ts checks). The stub files themselves go to dist/split/, which is not
 * shipped ("files" lists dist/*.js).
 */
const boundaries = Object.fromEntries(
  [
    "catalog/index",
    "catalog/search",
    "catalog/user",
    "explain",
    "export",
    "match/index",
    "parse/index",
    "redact",
    "render/index",
    "scan/index",
    "schema",
  ].map((m) => [`split/${m.replace("/index", "")}`, `src/${m}.ts`]),
);

/**
 * The CLI is its own build, split per command (src/cli/commands/index.ts loads each with import()), so
 * dist/cli.js is a small dispatcher. In it the generated catalog module is replaced by
 * src/cli/catalog-files.ts, which reads the same data from one file of keys and one file per block, written
 * here: `aadsts lookup` loads one block, not the whole catalog.
 */
const generated = fileURLToPath(new URL("./src/generated/catalog.ts", import.meta.url));
const catalogFiles = fileURLToPath(new URL("./src/cli/catalog-files.ts", import.meta.url));
type Plugin = NonNullable<Options["esbuildPlugins"]>[number];
const cliCatalog = (write: boolean): Plugin => ({
  name: "aadsts-cli-catalog",
  setup(build) {
    build.onResolve({ filter: /generated\/catalog\.js$/ }, async (args) => {
      const resolved = await build.resolve(args.path.replace(/\.js$/, ".ts"), {
        kind: args.kind,
        resolveDir: args.resolveDir,
      });
      return resolved.path === generated && args.importer !== catalogFiles
        ? { path: catalogFiles }
        : undefined;
    });
    if (write) build.onEnd(() => writeCatalogParts());
  },
});

/**
 * `aadsts lookup` is a build of its own (dist/cli-lookup.js), which the dispatcher imports by that name:
 * in the CLI's split build its code sat in ten chunks shared with the other commands, and each module
 * costs the ESM loader a resolve, a read and a compile (cold start). On its own, its static imports are one
 * file, and its rare paths (an unknown code's search, --catalog) chunks beside it.
 */
const commandsIndex = fileURLToPath(new URL("./src/cli/commands/index.ts", import.meta.url));
const LOOKUP_FILE = "./cli-lookup.js";
const lookupApart: Plugin = {
  name: "aadsts-cli-lookup-apart",
  setup(build) {
    build.onResolve({ filter: /^\.\/lookup\.js$/ }, (args) =>
      args.importer === commandsIndex ? { path: LOOKUP_FILE, external: true } : undefined,
    );
  },
};

/**
 * src/cli/io.ts is one file of its own (dist/cli-io.js) that both CLI builds import, so that the dispatcher
 * and the lookup build share one UsageError and CatalogError class (run.ts tells them apart by class).
 * The lookup build's rare paths, the search for an unknown code and --catalog's reader, are the main CLI
 * build's files too (dist/cli-search.js, dist/cli-user.js): with no chunk of its own to share with them,
 * the lookup build is one file. They take the catalog to work on as an argument.
 */
const cliIo = fileURLToPath(new URL("./src/cli/io.ts", import.meta.url));
const IO_FILE = "./cli-io.js";
const ioShared: Plugin = {
  name: "aadsts-cli-io-shared",
  setup(build) {
    build.onResolve({ filter: /\/io\.js$/ }, (args) =>
      resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts")) === cliIo
        ? { path: IO_FILE, external: true }
        : undefined,
    );
  },
};
const shared = {
  [fileURLToPath(new URL("./src/catalog/search.ts", import.meta.url))]: "./cli-search.js",
  [fileURLToPath(new URL("./src/catalog/user.ts", import.meta.url))]: "./cli-user.js",
};
const lookupRarePaths: Plugin = {
  name: "aadsts-cli-lookup-rare-paths",
  setup(build) {
    build.onResolve({ filter: /\/(search|user)\.js$/ }, (args) => {
      const file = shared[resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts"))];
      return args.kind === "dynamic-import" && file ? { path: file, external: true } : undefined;
    });
  },
};

/** The entries' JSON text in part files of about PART_BYTES each, in catalog order, and the keys file. */
function writeCatalogParts(): void {
  const text: Record<string, string> = Object.assign({}, ...ENTRY_BLOCKS.map((block) => block()));
  const parts: number[] = [];
  let current: Record<string, string> = {};
  let size = 0;
  const files: Record<string, string>[] = [];
  for (const [id] of ENTRY_KEYS) {
    const t = text[id] ?? "";
    if (size > 0 && size + t.length > PART_BYTES) {
      files.push(current);
      current = {};
      size = 0;
    }
    current[id] = t;
    size += t.length;
    parts.push(files.length);
  }
  files.push(current);
  mkdirSync("dist", { recursive: true });
  for (const [i, f] of files.entries()) writeFileSync(`dist/${partFile(i)}`, JSON.stringify(f));
  writeFileSync(`dist/${KEYS_FILE}`, JSON.stringify({ keys: ENTRY_KEYS, parts }));
}

export default defineConfig([
  {
    // ESM: the library's entry points share chunks, so the catalog ships once for both.
    entry: { ...library, ...boundaries },
    format: ["esm"],
    dts: { entry: library },
    splitting: true,
    clean: true,
    target: "node20",
    platform: "node",
    treeshake: true,
  },
  {
    entry: library,
    format: ["cjs"],
    dts: { entry: library },
    splitting: true,
    target: "node20",
    platform: "node",
    treeshake: true,
  },
  {
    entry: {
      cli: "src/cli/main.ts",
      "cli-io": "src/cli/io.ts",
      "cli-search": "src/catalog/search.ts",
      "cli-user": "src/catalog/user.ts",
    },
    format: ["esm"],
    splitting: true,
    target: "node20",
    platform: "node",
    treeshake: true,
    define: { __AADSTS_VERSION__: JSON.stringify(version) },
    esbuildPlugins: [cliCatalog(true), lookupApart, ioShared],
  },
  {
    entry: { "cli-lookup": "src/cli/commands/lookup.ts" },
    format: ["esm"],
    splitting: true,
    target: "node20",
    platform: "node",
    treeshake: true,
    esbuildPlugins: [cliCatalog(false), ioShared, lookupRarePaths],
  },
]);
