/**
 * The esbuild plugin both browser builds use (scripts/size.ts, scripts/build-page.ts): every Node
 * built-in a bundle asks for is recorded in `seen` and left external, so the caller can report them all
 * at once instead of failing at the first.
 */
import { builtinModules } from "node:module";
import type { Plugin } from "esbuild";

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

export function nodeBuiltinRecorder(seen: Set<string>): Plugin {
  return {
    name: "record-node-builtins",
    setup(b) {
      b.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
        if (!BUILTINS.has(args.path) && !args.path.startsWith("node:")) return undefined;
        seen.add(args.path);
        return { path: args.path, external: true };
      });
    },
  };
}
