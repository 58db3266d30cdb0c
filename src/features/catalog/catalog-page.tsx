// INTERIM placeholder: filled by the issue that owns this page.
export function CatalogPage() {
  return (
    <section aria-labelledby="page-title" className="p-6">
      <h1 id="page-title" className="text-xl font-semibold">Catalog</h1>
    </section>
  );
}
