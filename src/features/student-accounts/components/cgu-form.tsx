"use client";

import { useActionState } from "react";

import { ErrorSummary } from "@/components/form/error-summary";
import { idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { accountsText } from "@/messages/fr/student-accounts";
import { acceptCguAction } from "../actions";

export function CguForm({ returnTo }: { returnTo: string }) {
  const [state, formAction, pending] = useActionState(acceptCguAction, idle);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <ErrorSummary state={state} labels={{}} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <div>
        <SubmitButton pending={pending} size="large">
          {accountsText.cgu.accept}
        </SubmitButton>
      </div>
    </form>
  );
}
