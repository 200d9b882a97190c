import { refusalMessages } from "@/messages/fr/abilities";

import { DomainError } from "./errors";

/**
 * The one authorisation model of Orga: what a staff member may do in their current school.
 *
 * Every check runs against the role that the session gate (`src/lib/session.ts`) re-read from the
 * members table on this request, never a role remembered in the cookie, so a changed role or a
 * removed member takes effect at once. Actions declare theirs (`createAction({ ability })`), pages
 * theirs (`memberOrRedirect({ ability })`), mutations whose rule needs the record call
 * `assertCan(actor, ability, subject)`, and loaders hand `can(...)` results to components so that
 * a button is shown exactly when its action would be accepted. Pure: no I/O, unit-tested.
 */
export type StaffRole = "ADMIN" | "MEMBER";

export type AbilityActor = { userId: number; role: StaffRole };

/** Each ability with the record its rule needs (`null`: the role alone decides). */
type Subjects = {
  /** The team page, its members and pending invitations. */
  "team:view": null;
  "team:invite": null;
  "team:manage-invitations": null;
  "team:change-role": null;
  "team:remove-member": null;
  "team:unblock-member": null;
  /** Any member creates campaigns (docs/domain.md §4). */
  "campaign:create": null;
  /** Edit, archive, unarchive: an ADMIN, or the campaign's owner. */
  "campaign:manage": { ownerId: number };
  "learners:view": null;
  /**
   * *Dissocier* a learner from a student account matched by mistake: ADMIN and MEMBER alike in a
   * school that manages students, as Pix Orga allows for SCO organisations — teachers are the ones
   * a student turns to, the action destroys nothing and it is audit-logged. Elsewhere nobody.
   */
  "learners:dissociate": { managesStudents: boolean };
  /** Unblock a pupil after too many wrong birth dates (the pupil asks their teacher). */
  "learners:unlock": null;
  /** The IDO replacements list names pupils next to account events. */
  "learners:see-ido-replacements": null;
  /** Import SIECLE; every member sees the last import and the history. */
  "siecle:import": null;
  /**
   * Export everything stored about one learner (right of access, docs/decisions/012): the
   * school answers the request, so its ADMINs; audit-logged.
   */
  "learners:export": null;
  /** Erase one learner for good (right to erasure, docs/decisions/012): ADMINs; audit-logged. */
  "learners:erase": null;
  /** Ask for (or cancel) the school's offboarding: all its personal data erased 3 months later (issue 11); ADMINs. */
  "school:offboard": null;
  /** Read the school's Journal (audit entries, ids only): ADMINs. */
  "audit:view": null;
  /**
   * Show a learner's full INE on the learner page (masked otherwise): ADMINs, who answer for the
   * register; each reveal is audit-logged. The INE (ADMIN only) also goes into the campaign export.
   */
  "learners:reveal-ine": null;
  /** The readiness checklist in full (assignment list with names, subscription details): ADMINs. */
  "readiness:view-details": null;
  /** Create, renew or retry the school's subscription at the GAR now (docs/decisions/020). */
  "gar-subscription:manage": null;
};

export type Ability = keyof Subjects;

/** Abilities that the role alone decides: usable by createAction and memberOrRedirect. */
export type RoleAbility = { [A in Ability]: Subjects[A] extends null ? A : never }[Ability];

const adminOnly = (actor: AbilityActor) => actor.role === "ADMIN";
const anyMember = (actor: AbilityActor) => actor.role === "ADMIN" || actor.role === "MEMBER";

const rules: { [A in Ability]: (actor: AbilityActor, subject: Subjects[A]) => boolean } = {
  "team:view": anyMember,
  "team:invite": adminOnly,
  "team:manage-invitations": adminOnly,
  "team:change-role": adminOnly,
  "team:remove-member": adminOnly,
  "team:unblock-member": adminOnly,
  "campaign:create": anyMember,
  "campaign:manage": (actor, campaign) => actor.role === "ADMIN" || campaign.ownerId === actor.userId,
  "learners:view": anyMember,
  "learners:dissociate": (actor, school) => school.managesStudents && anyMember(actor),
  "learners:unlock": anyMember,
  "learners:see-ido-replacements": adminOnly,
  "siecle:import": adminOnly,
  "learners:export": adminOnly,
  "learners:erase": adminOnly,
  "school:offboard": adminOnly,
  "audit:view": adminOnly,
  "learners:reveal-ine": adminOnly,
  "readiness:view-details": adminOnly,
  "gar-subscription:manage": adminOnly,
};

type SubjectArgs<A extends Ability> = Subjects[A] extends null ? [] : [subject: Subjects[A]];

export function can<A extends Ability>(actor: AbilityActor, ability: A, ...subject: SubjectArgs<A>): boolean {
  const rule = rules[ability] as (actor: AbilityActor, subject: Subjects[A] | null) => boolean;
  return rule(actor, subject[0] ?? null);
}

/** `can`, or a `FORBIDDEN` DomainError carrying the French refusal of that ability. */
export function assertCan<A extends Ability>(actor: AbilityActor, ability: A, ...subject: SubjectArgs<A>): void {
  if (!can(actor, ability, ...subject)) {
    throw new DomainError("FORBIDDEN", { userMessage: refusalMessages[ability], details: { ability } });
  }
}
