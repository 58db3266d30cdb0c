// The plan last applied, kept for this session: after migrating, the page still shows the
// clan.nix lines and what was left out (the document no longer has the services to plan from).
import { create } from "zustand";
import type { MigrationPlan } from "../../model/migrate/plan";

interface MigrationResult {
  last: MigrationPlan | null;
  set(plan: MigrationPlan): void;
}

export const useMigrationResult = create<MigrationResult>()((set) => ({
  last: null,
  set: (plan) => set({ last: plan }),
}));
