// The settings panel beside the role board (routes /instances/:i/roles/:r/settings, …/machines/:m,
// …/tags/:t). The forms code (react-hook-form, widgets, validators) is a lazy chunk: it loads
// when a settings address is opened, not with the app.
import { lazy, Suspense } from "react";
import type { SettingsViewProps } from "./settings-view";

const SettingsView = lazy(() => import("./settings-view"));

export function SettingsPanel(props: SettingsViewProps) {
  return (
    <Suspense fallback={<p className="mt-4 text-sm text-slate-500">Loading settings…</p>}>
      <SettingsView {...props} />
    </Suspense>
  );
}
