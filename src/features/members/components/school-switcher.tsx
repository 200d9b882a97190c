"use client";

import { useActionState } from "react";

import { idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { membersMessages as m } from "@/messages/fr/members";

import { switchSchoolAction } from "../sign-in/actions";

/** Works without JavaScript: a select and a button; the membership is checked on the server. */
export function SchoolSwitcher({
  currentSchoolId,
  schools,
}: {
  currentSchoolId: number;
  schools: { id: number; name: string; uai: string }[];
}) {
  const [state, formAction, isPending] = useActionState(switchSchoolAction, idle);
  return (
    <form action={formAction} className="mt-1 flex flex-wrap items-center gap-2">
      <label htmlFor="school-switcher" className="sr-only">
        {m.shell.schoolSwitcher}
      </label>
      <select
        id="school-switcher"
        name="schoolId"
        defaultValue={currentSchoolId}
        aria-describedby={state.status === "error" ? "school-switcher-error" : undefined}
        className="max-w-64 rounded-md border border-slate-500 bg-white px-2 py-1 text-sm"
      >
        {schools.map((school) => (
          <option key={school.id} value={school.id}>
            {school.name} ({school.uai})
          </option>
        ))}
      </select>
      <SubmitButton pending={isPending} variant="secondary" size="small">
        {m.shell.switchSubmit}
      </SubmitButton>
      {state.status === "error" && (
        <p id="school-switcher-error" role="alert" className="w-full text-sm font-semibold text-danger">
          {state.message}
        </p>
      )}
    </form>
  );
}

export function SwitchToSchoolButton({ schoolId, schoolName }: { schoolId: number; schoolName: string }) {
  const [state, formAction, isPending] = useActionState(switchSchoolAction, idle);
  return (
    <form action={formAction}>
      <input type="hidden" name="schoolId" value={schoolId} />
      <SubmitButton pending={isPending} variant="secondary" aria-label={`${m.account.switchTo} : ${schoolName}`}>
        {m.account.switchTo}
      </SubmitButton>
      {state.status === "error" && (
        <p role="alert" className="text-sm font-semibold text-danger">
          {state.message}
        </p>
      )}
    </form>
  );
}
