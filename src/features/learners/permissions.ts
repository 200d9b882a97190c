import type { MemberRole } from "@/features/members/types";

/**
 * Who may do what about the school's learners.
 *
 * *Dissocier* (unlink a learner from a student account matched by mistake): ADMIN and MEMBER
 * alike, in a school that manages students, as Pix Orga allows for SCO organisations. Teachers
 * (MEMBER) are the ones a student turns to ("demandez à votre professeur") and the action
 * destroys nothing: the account keeps its work, the learner can be joined again, and it is
 * audit-logged. In a school that does not manage students, nobody.
 *
 * The IDO replacements list names pupils next to account events: ADMIN only.
 */
export function canDissociateLearner(member: { role: MemberRole }, school: { managesStudents: boolean }): boolean {
  return school.managesStudents && (member.role === "ADMIN" || member.role === "MEMBER");
}

export function canSeeIdoReplacements(member: { role: MemberRole }): boolean {
  return member.role === "ADMIN";
}
