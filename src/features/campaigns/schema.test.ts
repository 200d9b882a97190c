import { describe, expect, it } from "vitest";
import { campaignListQuerySchema, createCampaignSchema, createCampaignsForClassesSchema } from "./schema";

describe("createCampaignSchema", () => {
  it("trims and turns empty optional fields into null", () => {
    expect(
      createCampaignSchema.parse({
        name: " Parcours — 4E B ",
        targetProfileId: "rentree",
        division: "",
        ownerId: "3",
        title: " ",
        customLandingText: "",
      }),
    ).toEqual({
      name: "Parcours — 4E B",
      targetProfileId: "rentree",
      division: null,
      ownerId: 3,
      title: null,
      customLandingText: null,
    });
  });

  it("requires a name and a parcours", () => {
    const result = createCampaignSchema.safeParse({ name: "  ", targetProfileId: "", ownerId: "1" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["name", "targetProfileId"]));
  });

  it("says in French what is missing when fields are not posted at all", () => {
    const result = createCampaignSchema.safeParse({});
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "name: Indiquez le nom de la campagne.",
        "targetProfileId: Choisissez un parcours.",
        "ownerId: Identifiant invalide.",
      ]),
    );
    const bulk = createCampaignsForClassesSchema.safeParse({});
    expect(bulk.error!.issues.map((issue) => issue.message)).toEqual(
      expect.arrayContaining(["Choisissez un parcours.", "Choisissez au moins une classe."]),
    );
  });

  it("rejects a bad owner id", () => {
    expect(createCampaignSchema.safeParse({ name: "x", targetProfileId: "p", ownerId: "abc" }).success).toBe(false);
  });
});

describe("createCampaignsForClassesSchema", () => {
  it("needs at least one class", () => {
    expect(createCampaignsForClassesSchema.safeParse({ targetProfileId: "p", divisions: [] }).success).toBe(false);
    expect(createCampaignsForClassesSchema.safeParse({ targetProfileId: "p" }).success).toBe(false);
  });

  it("accepts one class posted as a plain string", () => {
    expect(createCampaignsForClassesSchema.parse({ targetProfileId: "p", divisions: "4E B" }).divisions).toEqual([
      "4E B",
    ]);
  });
});

describe("campaignListQuerySchema", () => {
  it("defaults to all active campaigns", () => {
    expect(campaignListQuerySchema.parse({})).toEqual({ tab: "all", status: "active", q: "", division: "", page: 1 });
    expect(campaignListQuerySchema.parse({ tab: "mine", status: "archived", page: "x" })).toMatchObject({
      tab: "mine",
      status: "archived",
      page: 1,
    });
  });
});
