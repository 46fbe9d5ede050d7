/** `--catalog FILE`: user catalogs layered on the built-in one, for every command. */
import { readFileSync } from "node:fs";
import { type Catalog, defaultCatalog } from "../catalog/index.js";
import { CatalogError } from "./io.js";

/**
 * The built-in catalog with each `--catalog FILE` layered on top, in order. Read synchronously: catalog
 * files are small, and this runs once per command.
 */
export async function userCatalog(files: string[] | undefined): Promise<Catalog> {
  if (!files || files.length === 0) return defaultCatalog;
  const { loadCatalog, CatalogLoadError } = await import("../catalog/user.js");
  let catalog = defaultCatalog;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      throw new CatalogError(
        `cannot read catalog ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
    try {
      catalog = loadCatalog(text, { name: file, base: catalog });
    } catch (e) {
      if (e instanceof CatalogLoadError) throw new CatalogError(e.message);
      throw e;
    }
  }
  return catalog;
}
