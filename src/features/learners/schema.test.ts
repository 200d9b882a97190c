import { describe, expect, it } from "vitest";
import { learnerListQuerySchema } from "./schema";

describe("learnerListQuerySchema", () => {
  it("reads the filters", () => {
    expect(
      learnerListQuerySchema.parse({ q: " Du ", division: "4E B", connection: "GAR", joined: "no", page: "3" }),
    ).toEqual({ q: "Du", division: "4E B", connection: "GAR", joined: "no", page: 3 });
  });

  it("falls back to no filter on junk", () => {
    expect(learnerListQuerySchema.parse({ connection: "X", joined: "maybe", page: "-2", q: ["a", "b"] })).toEqual({
      q: "a",
      division: "",
      connection: "",
      joined: "",
      page: 1,
    });
    expect(learnerListQuerySchema.parse({})).toEqual({ q: "", division: "", connection: "", joined: "", page: 1 });
  });
});
