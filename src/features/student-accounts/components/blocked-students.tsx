"use client";

import { useActionState } from "react";

import { idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { SuccessMessage } from "@/components/ui/notice";
import { accountsText } from "@/messages/fr/student-accounts";
import { formatTime } from "@/messages/fr/format";

import { unlockStudentAction } from "../actions";
import type { BlockedStudent } from "../types";

const t = accountsText.lockouts;

/**
 * Pupils blocked by wrong birth dates, each with a "Débloquer" button (any member of the school).
 * On a campaign page the heading is the count ("2 élèves bloqués"); on the Élèves page it is
 * "Élèves bloqués" and each line names the campaign. Stays mounted after the last unlock so the
 * confirmation is read.
 */
export function BlockedStudents({
  students,
  showCampaign = false,
}: {
  students: BlockedStudent[];
  showCampaign?: boolean;
}) {
  const [state, formAction, isPending] = useActionState(unlockStudentAction, idle);
  if (students.length === 0 && state.status === "idle") return null;
  return (
    <section
      aria-labelledby="blocked-students-title"
      className="space-y-3 rounded-lg border-2 border-danger bg-danger-light p-4"
    >
      <h2 id="blocked-students-title" className="text-xl font-bold">
        {showCampaign || students.length === 0 ? t.sectionTitle : t.count(students.length)}
      </h2>
      {state.status === "success" && state.message && <SuccessMessage>{state.message}</SuccessMessage>}
      {state.status === "error" && (
        <p role="alert" className="font-semibold text-danger">
          {state.message}
        </p>
      )}
      {students.length > 0 && (
        <>
          <p>{t.intro}</p>
          <ul className="space-y-2">
            {students.map((student) => (
              <li key={student.lockoutId} className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded bg-white p-3">
                <span className="font-semibold">
                  {student.firstName} {student.lastName}
                </span>
                {showCampaign && (
                  <span>
                    {t.campaign} : {student.campaignName}
                  </span>
                )}
                <span className="text-muted">
                  {t.until} {formatTime(new Date(student.blockedUntil))}
                </span>
                <form action={formAction} className="ml-auto">
                  <input type="hidden" name="lockoutId" value={student.lockoutId} />
                  <SubmitButton
                    pending={isPending}
                    variant="secondary"
                    aria-label={t.unlockLabel(student.firstName, student.lastName)}
                  >
                    {t.unlock}
                  </SubmitButton>
                </form>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
