import { describe, expect, it } from "vitest";
import { z } from "zod";
import { changeRoleSchema, inviteMembersSchema, resetPasswordSchema, signInSchema } from "./schema";

describe("members schemas", () => {
  it("normalises the e-mail at sign-in but keeps the password as typed", () => {
    expect(signInSchema.parse({ email: "  Jeanne@AC-Paris.fr ", password: " secret " })).toEqual({
      email: "jeanne@ac-paris.fr",
      password: " secret ",
    });
  });

  it("explains a wrong e-mail in French", () => {
    const result = signInSchema.safeParse({ email: "jeanne", password: "x" });
    expect(result.success).toBe(false);
    expect(z.flattenError(result.error!).fieldErrors.email?.[0]).toMatch(/adresse e-mail valide/);
  });

  it("requires 12 characters and matching confirmation for a new password", () => {
    const short = resetPasswordSchema.safeParse({ token: "t", password: "court", passwordConfirmation: "court" });
    expect(z.flattenError(short.error!).fieldErrors.password?.[0]).toMatch(/12 caractères/);
    const mismatch = resetPasswordSchema.safeParse({
      token: "t",
      password: "un mot de passe long",
      passwordConfirmation: "un autre mot de passe",
    });
    expect(z.flattenError(mismatch.error!).fieldErrors.passwordConfirmation?.[0]).toMatch(/pas identiques/);
  });

  it("parses several invitations and rejects the whole list if one address is wrong", () => {
    expect(inviteMembersSchema.parse({ emails: "a@b.fr; c@d.fr", role: "ADMIN" })).toEqual({
      emails: ["a@b.fr", "c@d.fr"],
      role: "ADMIN",
    });
    const bad = inviteMembersSchema.safeParse({ emails: "a@b.fr, nope", role: "MEMBER" });
    expect(z.flattenError(bad.error!).fieldErrors.emails?.[0]).toContain("nope");
    const empty = inviteMembersSchema.safeParse({ emails: "  ", role: "MEMBER" });
    expect(empty.success).toBe(false);
  });

  it("rejects unknown roles and non-numeric ids", () => {
    expect(changeRoleSchema.safeParse({ memberId: "3", role: "OWNER" }).success).toBe(false);
    expect(changeRoleSchema.safeParse({ memberId: "abc", role: "ADMIN" }).success).toBe(false);
    expect(changeRoleSchema.parse({ memberId: "3", role: "ADMIN" })).toEqual({ memberId: 3, role: "ADMIN" });
  });
});
