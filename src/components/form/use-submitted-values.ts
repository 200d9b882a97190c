import { type FormEvent, useState } from "react";

/**
 * Keeps what was typed when the server answers with errors. Fields stay uncontrolled (so typing
 * before hydration is never lost and the form still posts without JavaScript); React resets a
 * form after its action, back to each field's default value, which is what was submitted.
 * Passwords are never kept.
 */
export function useSubmittedValues(initial: Record<string, string> = {}) {
  const [values, setValues] = useState<Record<string, string>>(initial);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const next: Record<string, string> = {};
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && !/password/i.test(key)) next[key] = value;
    }
    setValues(next);
  };
  return { values, setValues, onSubmit };
}
