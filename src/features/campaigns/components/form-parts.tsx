import type { ActionState } from "@/lib/action";

/** Field errors from zod (VALIDATION) or from a mutation's INVALID_INPUT naming its field. */
export function fieldErrorsOf(state: ActionState<unknown>): Record<string, string[]> {
  if (state.status !== "error") return {};
  if (state.fieldErrors) return state.fieldErrors;
  const field = state.details?.field;
  return typeof field === "string" ? { [field]: [state.message] } : {};
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 font-semibold text-danger">
      {errors.join(" ")}
    </p>
  );
}

/** The summary at the top of a form: every error, each linking to its field. */
export function ErrorSummary({
  state,
  title,
  fieldIds,
  labels,
}: {
  state: ActionState<unknown>;
  title: string;
  fieldIds: Record<string, string>;
  labels: Record<string, string>;
}) {
  if (state.status !== "error") return null;
  const fieldErrors = fieldErrorsOf(state);
  const entries = Object.entries(fieldErrors).filter(([, messages]) => messages.length > 0);
  return (
    <div role="alert" tabIndex={-1} className="rounded-lg border-2 border-danger bg-danger-light p-4">
      <p className="font-bold text-danger">{entries.length > 0 ? title : state.message}</p>
      {entries.length > 0 && (
        <ul className="mt-2 list-disc pl-6">
          {entries.map(([field, messages]) => (
            <li key={field}>
              <a href={`#${fieldIds[field] ?? field}`} className="text-danger underline">
                {labels[field] ?? field} : {messages.join(" ")}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

/** `useActionState`'s initial state (lib/action is server-only, so forms keep their own copy). */
export const idle = { status: "idle" } as const;
