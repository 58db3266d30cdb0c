// Every page and selection has an address (docs/testing.md "Addresses the app answers"): this file maps them to
// features. The app composes features here, so features never import each other.
// The role board is the first page most people see and ships in the first chunk; every other
// page is a lazy chunk, so the JavaScript loaded before any action stays within budget
// (scripts/check-bundle.mjs).
import { lazy, Suspense, type ReactNode } from "react";
import { Redirect, Route, Switch, useParams } from "wouter";
import { InstancesPage } from "../features/board/instances-page";
import { SettingsPanel } from "../features/settings/settings-panel";
import type { Layer } from "../model/settings-layer";

const CatalogPage = lazy(() => import("../features/catalog/catalog-page").then((m) => ({ default: m.CatalogPage })));
const MachinesPage = lazy(() => import("../features/machines/machines-page").then((m) => ({ default: m.MachinesPage })));
const TagsPage = lazy(() => import("../features/tags/tags-page").then((m) => ({ default: m.TagsPage })));
const MigratePage = lazy(() => import("../features/migrate/migrate-page").then((m) => ({ default: m.MigratePage })));
const ChangesPage = lazy(() => import("../features/changes/changes-page").then((m) => ({ default: m.ChangesPage })));
const MatrixPage = lazy(() => import("../features/matrix/matrix-page").then((m) => ({ default: m.MatrixPage })));

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p className="p-6 text-sm text-slate-500">Loading…</p>}>{children}</Suspense>;
}

function InstanceSettingsRoute({ kind }: { kind: Layer["kind"] }) {
  const p = useParams<{ instance: string; role: string; name?: string }>();
  const target: Layer = kind === "role" ? { kind } : { kind, name: p.name ?? "" };
  return <SettingsPanel instance={p.instance} role={p.role} target={target} />;
}

export function AppRoutes() {
  return (
    <Switch>
      <Route path="/">
        <Redirect to="/instances" replace />
      </Route>
      <Route path="/catalog">
        <Page>
          <CatalogPage />
        </Page>
      </Route>
      <Route path="/catalog/:input/:module">
        <Page>
          <CatalogPage />
        </Page>
      </Route>
      <Route path="/instances">
        <InstancesPage />
      </Route>
      <Route path="/instances/:instance">
        <InstancesPage />
      </Route>
      <Route path="/instances/:instance/roles/:role/settings">
        <InstancesPage panel={<InstanceSettingsRoute kind="role" />} />
      </Route>
      <Route path="/instances/:instance/roles/:role/machines/:name">
        <InstancesPage panel={<InstanceSettingsRoute kind="machine" />} />
      </Route>
      <Route path="/instances/:instance/roles/:role/tags/:name">
        <InstancesPage panel={<InstanceSettingsRoute kind="tag" />} />
      </Route>
      <Route path="/machines">
        <Page>
          <MachinesPage />
        </Page>
      </Route>
      <Route path="/machines/:machine">
        <Page>
          <MachinesPage />
        </Page>
      </Route>
      <Route path="/tags">
        <Page>
          <TagsPage />
        </Page>
      </Route>
      <Route path="/tags/:tag">
        <Page>
          <TagsPage />
        </Page>
      </Route>
      <Route path="/migrate">
        <Page>
          <MigratePage />
        </Page>
      </Route>
      <Route path="/changes">
        <Page>
          <ChangesPage />
        </Page>
      </Route>
      <Route path="/matrix">
        <Page>
          <MatrixPage />
        </Page>
      </Route>
      <Route>
        <section className="p-6">
          <h1 className="text-xl font-semibold">Page not found</h1>
        </section>
      </Route>
    </Switch>
  );
}
