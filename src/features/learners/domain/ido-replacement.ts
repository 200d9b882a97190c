/**
 * The audit trail of IDO replacements (docs/domain.md §5): every replacement of the IDO of an account
 * already linked to a learner, and every refused one, is recorded with ids only (learner as the
 * target; user and campaign ids, the refusal reason in `data`) and listed for the school's ADMINs.
 */
export const IDO_REPLACED_AUDIT_ACTION = "gar.ido_replaced";
export const IDO_REPLACEMENT_REFUSED_AUDIT_ACTION = "gar.ido_replacement_refused";

/** Why a replacement was refused. */
export type IdoReplacementRefusal = "NAMES_DIFFER" | "UAI_MISMATCH" | "IDO_OWNS_OTHER_ACCOUNT";

export const IDO_REPLACEMENT_REFUSALS: readonly IdoReplacementRefusal[] = [
  "NAMES_DIFFER",
  "UAI_MISMATCH",
  "IDO_OWNS_OTHER_ACCOUNT",
];

export function isIdoReplacementRefusal(value: unknown): value is IdoReplacementRefusal {
  return typeof value === "string" && (IDO_REPLACEMENT_REFUSALS as readonly string[]).includes(value);
}
