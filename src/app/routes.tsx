// Every page and selection has an address (design.md "Addresses"): this file maps them to
// features. The app composes features here, so features never import each other.
import { Redirect, Route, Switch, useParams } from "wouter";
import { CatalogPage } from "../features/catalog/catalog-page";
import { InstancesPage } from "../features/board/instances-page";
import { MachinesPage } from "../features/machines/machines-page";
import { TagsPage } from "../features/tags/tags-page";
import { MatrixPage } from "../features/matrix/matrix-page";
import { SettingsPanel, type SettingsTarget } from "../features/settings/settings-panel";

function InstanceSettingsRoute({ kind }: { kind: SettingsTarget["kind"] }) {
  const p = useParams<{ instance: string; role: string; name?: string }>();
  const target: SettingsTarget = kind === "role" ? { kind } : { kind, name: p.name ?? "" };
  return <SettingsPanel instance={p.instance} role={p.role} target={target} />;
}

export function AppRoutes() {
  return (
    <Switch>
      <Route path="/">
        <Redirect to="/instances" replace />
      </Route>
      <Route path="/catalog" component={CatalogPage} />
      <Route path="/catalog/:input/:module" component={CatalogPage} />
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
      <Route path="/machines" component={MachinesPage} />
      <Route path="/machines/:machine" component={MachinesPage} />
      <Route path="/tags" component={TagsPage} />
      <Route path="/tags/:tag" component={TagsPage} />
      <Route path="/matrix" component={MatrixPage} />
      <Route>
        <section className="p-6">
          <h1 className="text-xl font-semibold">Page not found</h1>
        </section>
      </Route>
    </Switch>
  );
}
