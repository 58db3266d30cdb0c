import { closest } from "./closest-name";

describe("closest", () => {
  it("suggests near names, counting a swap of neighbours as one edit", () => {
    expect(closest("startat", ["startAt", "exclude"])).toBe("startAt");
    expect(closest("prot", ["port", "host"])).toBe("port");
    expect(closest("clinet", ["client", "server"])).toBe("client");
  });
  it("stays silent when nothing is near", () => {
    expect(closest("xyz", ["startAt"])).toBeUndefined();
    expect(closest("a", [])).toBeUndefined();
  });
});
