import { editMachine } from "../../model/commands/machines";
import { changesFrom, formFieldOf, formValuesOf, machineFormSchema, newMachineData, newMachineFieldsSchema } from "./machine-form-schema";

describe("machine form", () => {
  const machine = { description: null, icon: "laptop", deploy: { targetHost: "root@h", forwardAgent: true, unknown: 1 }, extra: "keep" };

  it("shows missing and null fields as empty", () => {
    expect(formValuesOf(machine)).toEqual({ description: "", icon: "laptop", machineClass: "", targetHost: "root@h", buildHost: "", forwardAgent: "true" });
    expect(formValuesOf(undefined).forwardAgent).toBe("");
  });

  it("a save writes only what changed: a null the user did not touch stays, an emptied field goes", () => {
    const initial = formValuesOf(machine);
    const changes = changesFrom(initial, { ...initial, icon: "", forwardAgent: "false", machineClass: "darwin" });
    expect(changes).toEqual([
      { field: ["icon"], value: undefined },
      { field: ["machineClass"], value: "darwin" },
      { field: ["deploy", "forwardAgent"], value: false },
    ]);
    const doc = editMachine("m", changes).apply({ machines: { m: machine } });
    expect(doc.machines).toEqual({ m: { description: null, deploy: { targetHost: "root@h", forwardAgent: false, unknown: 1 }, extra: "keep", machineClass: "darwin" } });
    expect(changesFrom(initial, initial)).toEqual([]);
  });

  it("checks addresses and names with the model's rules", () => {
    const ok = formValuesOf(machine);
    expect(machineFormSchema.safeParse({ ...ok, buildHost: "" }).success).toBe(true);
    const bad = machineFormSchema.safeParse({ ...ok, targetHost: "a@b@c" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["targetHost"], message: expect.stringMatching(/more than one '@'/) });
    const fresh = newMachineFieldsSchema.safeParse({ machineClass: "", description: "", targetHost: "root@2001:db8::1" });
    expect(fresh.error?.issues[0]).toMatchObject({ path: ["targetHost"], message: expect.stringMatching(/enclosed in brackets/) });
  });

  it("a new machine holds only what was filled in", () => {
    expect(newMachineData({ machineClass: "", description: "", targetHost: "" })).toEqual({});
    expect(newMachineData({ machineClass: "nixos", description: "d", targetHost: "root@h" })).toEqual({
      machineClass: "nixos",
      description: "d",
      deploy: { targetHost: "root@h" },
    });
  });

  it("maps command fields to form fields", () => {
    expect(formFieldOf("deploy.buildHost")).toBe("buildHost");
    expect(formFieldOf("name")).toBeUndefined();
  });
});
