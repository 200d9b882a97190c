"use client";

import { useActionState, useState } from "react";

import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/field";
import { Fieldset } from "@/components/form/fieldset";
import { fieldErrorsOf, idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { accountsText } from "@/messages/fr/student-accounts";
import { reconcileAction } from "../actions";
import { type BirthdateField, type BirthdateInput, fieldAfterTyping, splitWholeBirthdate } from "../domain/birthdate";

function input(field: BirthdateField): HTMLInputElement | null {
  const element = document.getElementById(field);
  return element instanceof HTMLInputElement ? element : null;
}

/**
 * Uncontrolled fields whose defaultValue follows what was typed: text typed before hydration is
 * kept (a controlled field would be emptied by hydration), and React's form reset after the
 * action puts back what the student typed instead of blanking the fields.
 */
export function BirthdateForm({ code }: { code: string }) {
  const [state, formAction, pending] = useActionState(reconcileAction, idle);
  const [values, setValues] = useState<BirthdateInput>({ day: "", month: "", year: "" });
  /** A whole date pasted into any field fills the three (the fields are uncontrolled: set the DOM too). */
  const fillAll = (whole: BirthdateInput) => {
    for (const field of ["day", "month", "year"] as const) {
      const element = input(field);
      if (element) element.value = whole[field];
    }
    setValues(whole);
    input("year")?.focus();
  };
  const text = accountsText.birthdate;
  const errors = fieldErrorsOf(state);
  const fields = [
    {
      name: "day",
      label: text.day,
      placeholder: text.dayPlaceholder,
      autoComplete: "bday-day",
      maxLength: 2,
      width: "w-20",
    },
    {
      name: "month",
      label: text.month,
      placeholder: text.monthPlaceholder,
      autoComplete: "bday-month",
      maxLength: 2,
      width: "w-20",
    },
    {
      name: "year",
      label: text.year,
      placeholder: text.yearPlaceholder,
      autoComplete: "bday-year",
      maxLength: 4,
      width: "w-28",
    },
  ] as const;
  return (
    <form action={formAction} className="flex flex-col gap-5" noValidate>
      <ErrorSummary state={state} labels={{ day: text.day, month: text.month, year: text.year }} />
      <input type="hidden" name="code" value={code} />
      <Fieldset legend={text.legend} hint={text.legendHint} size="large">
        <div className="mt-2 flex flex-wrap gap-4">
          {fields.map((field) => (
            <TextField
              key={field.name}
              id={field.name}
              name={field.name}
              label={field.label}
              errors={errors[field.name]}
              size="large"
              controlClassName={`${field.width} text-center`}
              inputMode="numeric"
              pattern="[0-9]*"
              autoComplete={field.autoComplete}
              placeholder={field.placeholder}
              maxLength={field.maxLength}
              defaultValue={values[field.name]}
              onChange={(event) => {
                const { value } = event.currentTarget;
                const next = fieldAfterTyping(field.name, value, values[field.name]);
                setValues((current) => ({ ...current, [field.name]: value }));
                if (next) input(next)?.focus();
              }}
              onPaste={(event) => {
                const whole = splitWholeBirthdate(event.clipboardData.getData("text"));
                if (!whole) return;
                event.preventDefault();
                fillAll(whole);
              }}
              required
            />
          ))}
        </div>
      </Fieldset>
      <div>
        <SubmitButton pending={pending} size="large">
          {text.submit}
        </SubmitButton>
      </div>
    </form>
  );
}
