import { placementsOf, roleMembers } from "./membership";

const doc = {
  machines: { a: { tags: ["web"] }, b: { tags: ["web", "db"] }, c: {} },
  instances: {
    svc: {
      roles: {
        server: { machines: { c: {}, ghost: {} }, tags: { db: {} } },
        client: { tags: ["web"], machines: { b: {} } },
      },
    },
  },
};

describe("role membership", () => {
  it("lists explicit members, tag members and why", () => {
    expect(roleMembers(doc, "svc", "server")).toEqual([
      { machine: "c", explicit: true, viaTags: [], known: true },
      { machine: "ghost", explicit: true, viaTags: [], known: false },
      { machine: "b", explicit: false, viaTags: ["db"], known: true },
    ]);
  });

  it("an explicit member that also carries a role tag is listed once, with the tag", () => {
    expect(roleMembers(doc, "svc", "client")).toEqual([
      { machine: "b", explicit: true, viaTags: ["web"], known: true },
      { machine: "a", explicit: false, viaTags: ["web"], known: true },
    ]);
  });

  it("answers what runs on a machine", () => {
    expect(placementsOf(doc, "b")).toEqual([
      { instance: "svc", role: "server", explicit: false, viaTags: ["db"] },
      { instance: "svc", role: "client", explicit: true, viaTags: ["web"] },
    ]);
    expect(roleMembers(doc, "svc", "nope")).toEqual([]);
    expect(roleMembers(doc, "nope", "server")).toEqual([]);
  });
});
