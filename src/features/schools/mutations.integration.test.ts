import { describe, expect, it } from "vitest";

import { prisma } from "@/lib/db";

import { createSchool } from "./mutations";

describe("creating a school", () => {
  it("stores the UAI upper-case, the name and the official e-mail, and audits it", async () => {
    const school = await createSchool({
      uai: " 0999001w ",
      name: "  Collège Jean Moulin ",
      officialEmail: "CE.0999001W@ac-demo.fr",
    });
    expect(school).toMatchObject({ uai: "0999001W", name: "Collège Jean Moulin" });
    const row = await prisma.school.findUniqueOrThrow({ where: { id: school.id } });
    expect(row.officialEmail).toBe("ce.0999001w@ac-demo.fr");
    expect(await prisma.auditLog.count({ where: { schoolId: school.id, action: "school.created" } })).toBe(1);
  });

  it("refuses a malformed UAI, an empty name, a malformed e-mail", async () => {
    await expect(createSchool({ uai: "12345", name: "X" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(createSchool({ uai: "0999001W", name: "  " })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(createSchool({ uai: "0999001W", name: "X", officialEmail: "pas-une-adresse" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await prisma.school.count()).toBe(0);
  });

  it("refuses a second active school with the same UAI, but not once the first is archived", async () => {
    const first = await createSchool({ uai: "0999001W", name: "A" });
    await expect(createSchool({ uai: "0999001w", name: "B" })).rejects.toMatchObject({ code: "CONFLICT" });
    await prisma.school.update({ where: { id: first.id }, data: { archivedAt: new Date() } });
    await expect(createSchool({ uai: "0999001W", name: "B" })).resolves.toMatchObject({ uai: "0999001W" });
  });
});
