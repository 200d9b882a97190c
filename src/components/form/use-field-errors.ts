import { type FormEvent, useState } from "react";

import type { ActionState } from "@/lib/action";

import { fieldErrorsOf, withoutFields } from "./form-state";

/**
 * The field errors of an action's outcome, each dropped as soon as its field changes: an error
 * left under a field the user has since corrected reads as a new problem. `onChange` goes on the
 * `<form>` (change events bubble from every control, checkboxes and radios included); the next
 * outcome of the action starts afresh.
 */
export function useFieldErrors(state: ActionState<unknown>) {
  const [edited, setEdited] = useState<{ state: ActionState<unknown>; fields: string[] }>({ state, fields: [] });
  const fields = edited.state === state ? edited.fields : [];
  const errors = withoutFields(fieldErrorsOf(state), fields);
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as { name?: unknown }).name;
    if (typeof name === "string" && errors[name] && !fields.includes(name)) {
      setEdited({ state, fields: [...fields, name] });
    }
  };
  return { errors, onChange };
}
