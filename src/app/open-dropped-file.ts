// A file dropped on the page is either a catalog (it has modulesPerSource / moduleSchemas) or an
// inventory; the content decides, so the user need not aim at a particular place.
import { addCatalogFileText, looksLikeCatalog, MAX_CATALOG_BYTES } from "../state/catalog-sources";
import { importFile, importText } from "./import-file";
import { useNotices } from "../state/notices";

export async function openDroppedFile(file: File): Promise<void> {
  if (file.size > MAX_CATALOG_BYTES || !/\.json$/i.test(file.name)) return importFile(file);
  const text = await file.text();
  if (looksLikeCatalog(text)) {
    addCatalogFileText(file.name, text);
    useNotices.getState().push({ kind: "info", title: `Loaded catalog ${file.name}`, detail: "It is listed with the other catalogs on the Catalog page." });
    return;
  }
  importText(text, file.name);
}
