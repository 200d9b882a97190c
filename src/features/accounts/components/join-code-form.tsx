"use client";

import { useActionState, useState } from "react";

import { accountsText } from "@/messages/fr/accounts";
import { submitCampaignCodeAction } from "../actions";
import { ErrorSummary, FieldError, fieldErrorsOf, idle, studentButtonClass, studentInputClass } from "./ui";

/** Uncontrolled field (see BirthdateForm): typing before hydration is never lost. */
export function JoinCodeForm({ initialCode = "" }: { initialCode?: string }) {
  const [state, formAction, pending] = useActionState(submitCampaignCodeAction, idle);
  const [code, setCode] = useState(initialCode);
  const text = accountsText.joinCode;
  const errors = fieldErrorsOf(state).code ?? (state.status === "error" && state.code !== "VALIDATION" ? [state.message] : undefined);
  return (
    <form action={formAction} className="flex flex-col gap-5" noValidate>
      <ErrorSummary state={state} labels={{ code: text.label }} />
      <div>
        <label htmlFor="code" className="block text-lg font-semibold">
          {text.label}
        </label>
        <p id="code-hint" className="text-muted">
          {text.hint}
        </p>
        <input
          id="code"
          name="code"
          defaultValue={code}
          onChange={(event) => {
            // Upper-cased as typed, keeping the caret where it was.
            const input = event.currentTarget;
            const caret = input.selectionStart;
            input.value = input.value.toUpperCase();
            if (caret !== null) input.setSelectionRange(caret, caret);
            setCode(input.value);
          }}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          required
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? "code-hint code-error" : "code-hint"}
          className={`${studentInputClass} w-full font-mono tracking-widest uppercase`}
        />
        <FieldError id="code-error" errors={errors} />
      </div>
      <div>
        <button type="submit" className={studentButtonClass} disabled={pending}>
          {text.submit}
        </button>
      </div>
    </form>
  );
}
