// INTERIM placeholder: the settings issue (#5) fills this with generated forms.
export type SettingsTarget = { kind: "role" } | { kind: "machine"; name: string } | { kind: "tag"; name: string };

export interface SettingsPanelProps {
  instance: string;
  role: string;
  target: SettingsTarget;
}

export function SettingsPanel({ instance, role, target }: SettingsPanelProps) {
  const what = target.kind === "role" ? "role-wide settings" : `${target.kind} ${target.name}`;
  return (
    <section aria-label="Settings" className="p-4">
      <h2 className="font-semibold">
        {instance} / {role}: {what}
      </h2>
    </section>
  );
}
