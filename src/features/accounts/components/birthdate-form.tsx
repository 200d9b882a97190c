"use client";

import { useActionState, useState } from "react";

import { accountsText } from "@/messages/fr/accounts";
import { reconcileAction } from "../actions";
import { ErrorSummary, FieldError, fieldErrorsOf, idle, studentButtonClass, studentInputClass } from "./ui";

/**
 * Uncontrolled fields whose defaultValue follows what was typed: text typed before hydration is
 * kept (a controlled field would be emptied by hydration), and React's form reset after the
 * action puts back what the student typed instead of blanking the fields.
 */
export function BirthdateForm({ code }: { code: string }) {
  const [state, formAction, pending] = useActionState(reconcileAction, idle);
  const [values, setValues] = useState({ day: "", month: "", year: "" });
  const text = accountsText.birthdate;
  const errors = fieldErrorsOf(state);
  const fields = [
    { name: "day", label: text.day, placeholder: text.dayPlaceholder, autoComplete: "bday-day", maxLength: 2, width: "w-20" },
    { name: "month", label: text.month, placeholder: text.monthPlaceholder, autoComplete: "bday-month", maxLength: 2, width: "w-20" },
    { name: "year", label: text.year, placeholder: text.yearPlaceholder, autoComplete: "bday-year", maxLength: 4, width: "w-28" },
  ] as const;
  return (
    <form action={formAction} className="flex flex-col gap-5" noValidate>
      <ErrorSummary state={state} labels={{ day: text.day, month: text.month, year: text.year }} />
      <input type="hidden" name="code" value={code} />
      <fieldset>
        <legend className="text-lg font-semibold">{text.legend}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {fields.map((field) => {
            const fieldErrors = errors[field.name];
            return (
              <div key={field.name}>
                <label htmlFor={field.name} className="block font-semibold">
                  {field.label}
                </label>
                <input
                  id={field.name}
                  name={field.name}
                  inputMode="numeric"
                  pattern="[0-9]*"
                  autoComplete={field.autoComplete}
                  placeholder={field.placeholder}
                  maxLength={field.maxLength}
                  defaultValue={values[field.name]}
                  onChange={(event) => {
                    const { value } = event.currentTarget;
                    setValues((current) => ({ ...current, [field.name]: value }));
                  }}
                  required
                  aria-invalid={fieldErrors ? true : undefined}
                  aria-describedby={fieldErrors ? `${field.name}-error` : undefined}
                  className={`${studentInputClass} ${field.width} text-center`}
                />
                <FieldError id={`${field.name}-error`} errors={fieldErrors} />
              </div>
            );
          })}
        </div>
      </fieldset>
      <div>
        <button type="submit" className={studentButtonClass} disabled={pending}>
          {text.submit}
        </button>
      </div>
    </form>
  );
}
