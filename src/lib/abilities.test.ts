import { describe, expect, it } from "vitest";

import { refusalMessages } from "@/messages/fr/abilities";

import { type Ability, assertCan, can } from "./abilities";
import { DomainError } from "./errors";

const admin = { userId: 1, role: "ADMIN" } as const;
const teacher = { userId: 2, role: "MEMBER" } as const;

const adminOnly = [
  "team:invite",
  "team:manage-invitations",
  "team:change-role",
  "team:remove-member",
  "team:unblock-member",
  "learners:see-ido-replacements",
  "siecle:import",
  "learners:export",
  "learners:erase",
  "learners:reveal-ine",
  "readiness:view-details",
  "gar-subscription:manage",
] as const;

const everyMember = ["team:view", "campaign:create", "learners:view", "learners:unlock"] as const;

describe("abilities", () => {
  it("gives ADMIN the team, the import, the IDO replacements, a learner's export and erasure; MEMBER none of them", () => {
    for (const ability of adminOnly) {
      expect(can(admin, ability)).toBe(true);
      expect(can(teacher, ability)).toBe(false);
    }
  });

  it("lets every member read the team and the learners, create campaigns and unlock a pupil", () => {
    for (const ability of everyMember) {
      expect(can(admin, ability)).toBe(true);
      expect(can(teacher, ability)).toBe(true);
    }
  });

  it("lets an ADMIN or the owner manage a campaign, not another member", () => {
    expect(can(admin, "campaign:manage", { ownerId: 9 })).toBe(true);
    expect(can(teacher, "campaign:manage", { ownerId: teacher.userId })).toBe(true);
    expect(can(teacher, "campaign:manage", { ownerId: 9 })).toBe(false);
  });

  it("lets ADMIN and MEMBER dissociate in a school that manages students, nobody elsewhere", () => {
    expect(can(admin, "learners:dissociate", { managesStudents: true })).toBe(true);
    expect(can(teacher, "learners:dissociate", { managesStudents: true })).toBe(true);
    expect(can(admin, "learners:dissociate", { managesStudents: false })).toBe(false);
    expect(can(teacher, "learners:dissociate", { managesStudents: false })).toBe(false);
  });

  it("refuses with FORBIDDEN and the ability's French message", () => {
    expect(() => assertCan(admin, "siecle:import")).not.toThrow();
    try {
      assertCan(teacher, "siecle:import");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("FORBIDDEN");
      expect((error as DomainError).userMessage).toBe(refusalMessages["siecle:import"]);
    }
  });

  it("has a French refusal for every ability", () => {
    for (const [ability, message] of Object.entries(refusalMessages) as [Ability, string][]) {
      expect(message, ability).toMatch(/\S/);
    }
  });
});
