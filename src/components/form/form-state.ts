import type { ActionState } from "@/lib/action";

/** `useActionState`'s first state (lib/action is server-only, so client forms keep a copy). */
export const idle = { status: "idle" } as const;

/**
 * Field errors of an action's outcome: zod's (VALIDATION), or the one field a domain error names
 * in `details.field`, which then carries the error's message.
 */
export function fieldErrorsOf(state: ActionState<unknown>): Record<string, string[]> {
  if (state.status !== "error") return {};
  if (state.fieldErrors && Object.keys(state.fieldErrors).length > 0) return state.fieldErrors;
  const field = state.details?.field;
  return typeof field === "string" ? { [field]: [state.message] } : {};
}

/** Field errors minus those of `fields` (the ones the user has edited since). */
export function withoutFields(errors: Record<string, string[]>, fields: readonly string[]): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).filter(([field]) => !fields.includes(field)));
}

/** An `aria-describedby` value from the ids present, or nothing. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}
