"use client";

import { useActionState } from "react";

import { accountsText } from "@/messages/fr/accounts";
import { acceptCguAction } from "../actions";
import { ErrorSummary, idle, studentButtonClass } from "./ui";

export function CguForm({ returnTo }: { returnTo: string }) {
  const [state, formAction, pending] = useActionState(acceptCguAction, idle);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <ErrorSummary state={state} labels={{}} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <div>
        <button type="submit" className={studentButtonClass} disabled={pending}>
          {accountsText.cgu.accept}
        </button>
      </div>
    </form>
  );
}
