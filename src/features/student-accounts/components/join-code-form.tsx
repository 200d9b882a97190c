"use client";

import { useActionState, useState } from "react";

import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/field";
import { fieldErrorsOf, idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { CAMPAIGN_CODE_LENGTH } from "@/features/campaigns/domain/campaign-code";
import { accountsText } from "@/messages/fr/student-accounts";
import { submitCampaignCodeAction } from "../actions";

/** Uncontrolled field (see BirthdateForm): typing before hydration is never lost. */
export function JoinCodeForm({ initialCode = "" }: { initialCode?: string }) {
  const [state, formAction, pending] = useActionState(submitCampaignCodeAction, idle);
  const [code, setCode] = useState(initialCode);
  const text = accountsText.joinCode;
  const errors =
    fieldErrorsOf(state).code ??
    (state.status === "error" && state.code !== "VALIDATION" ? [state.message] : undefined);
  return (
    <form action={formAction} className="flex flex-col gap-5" noValidate>
      <ErrorSummary state={state} labels={{ code: text.label }} />
      <TextField
        id="code"
        name="code"
        label={text.label}
        hint={text.hint}
        errors={errors}
        size="large"
        controlClassName="w-full font-mono tracking-widest uppercase"
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
        // Room for the spaces a student may type between the groups of the projected code.
        maxLength={CAMPAIGN_CODE_LENGTH * 2}
        required
      />
      <div>
        <SubmitButton pending={pending} size="large">
          {text.submit}
        </SubmitButton>
      </div>
    </form>
  );
}
