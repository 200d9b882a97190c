"use client";

import Link from "next/link";
import { useActionState, useState } from "react";

import { ErrorSummary } from "@/components/form/error-summary";
import { Fieldset } from "@/components/form/fieldset";
import { idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { useFieldErrors } from "@/components/form/use-field-errors";
import { buttonClass } from "@/components/ui/button";
import { campaignsMessages as t } from "@/messages/fr/campaigns";

import { createCampaignsForClassesAction } from "../actions";
import { formatCampaignCode } from "../domain/campaign-code";
import { TargetProfileFieldset, type TargetProfileChoice } from "./target-profile-picker";

export function BulkCreateForm({
  targetProfiles,
  divisions,
  covered,
}: {
  targetProfiles: TargetProfileChoice[];
  divisions: string[];
  /** Divisions that already have an active campaign, per parcours. */
  covered: Record<string, string[]>;
}) {
  const [state, formAction, isPending] = useActionState(createCampaignsForClassesAction, idle);
  const [targetProfileId, setTargetProfileId] = useState(targetProfiles.length === 1 ? targetProfiles[0]!.id : "");
  const [unchecked, setUnchecked] = useState<Set<string>>(new Set());
  const alreadyCovered = new Set(covered[targetProfileId] ?? []);
  const { errors, onChange } = useFieldErrors(state);

  if (state.status === "success") {
    const { created, skipped } = state.data;
    return (
      <div role="status" className="space-y-4 rounded-lg border-2 border-success bg-success-light p-6">
        <p className="text-lg font-bold text-success">{t.bulkResult(created.length, skipped.length)}</p>
        {created.length > 0 && (
          <ul className="grid gap-2 md:grid-cols-2">
            {created.map((campaign) => (
              <li key={campaign.id} className="rounded-md bg-white p-3">
                <Link href={`/orga/campagnes/${campaign.id}`} className="font-semibold text-primary underline">
                  {campaign.division}
                </Link>{" "}
                <span className="font-mono">{formatCampaignCode(campaign.code)}</span>
              </li>
            ))}
          </ul>
        )}
        <Link href="/orga/campagnes" className={buttonClass("primary")}>
          {t.listTitle}
        </Link>
      </div>
    );
  }

  const selectable = divisions.filter((division) => !alreadyCovered.has(division));
  const toggle = (division: string, checked: boolean) =>
    setUnchecked((previous) => {
      const next = new Set(previous);
      if (checked) next.delete(division);
      else next.add(division);
      return next;
    });

  return (
    <form action={formAction} onChange={onChange} className="space-y-6" noValidate>
      <ErrorSummary
        state={state}
        fieldIds={{ targetProfileId: "field-targetProfileId", divisions: "field-divisions" }}
        labels={{ targetProfileId: t.form.targetProfile, divisions: t.form.divisions }}
      />

      <TargetProfileFieldset
        choices={targetProfiles}
        value={targetProfileId}
        onChange={setTargetProfileId}
        errors={errors.targetProfileId}
      />

      <Fieldset id="field-divisions" name="divisions" legend={t.form.divisions} errors={errors.divisions}>
        <button
          type="button"
          onClick={() => setUnchecked(new Set())}
          className="mt-1 mb-3 font-semibold text-primary underline"
        >
          {t.form.selectAll}
        </button>
        <ul className="grid gap-2 sm:grid-cols-2 md:grid-cols-4">
          {divisions.map((division) => {
            const isCovered = alreadyCovered.has(division);
            const id = `division-${division.replace(/\W+/g, "-")}`;
            return (
              <li key={division}>
                <label
                  htmlFor={id}
                  className={`flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 ${isCovered ? "text-muted" : "cursor-pointer"}`}
                >
                  <input
                    id={id}
                    type="checkbox"
                    name="divisions"
                    value={division}
                    disabled={isCovered}
                    checked={!isCovered && !unchecked.has(division)}
                    onChange={(event) => toggle(division, event.target.checked)}
                    aria-describedby={isCovered ? `${id}-covered` : undefined}
                    className="h-5 w-5 accent-primary"
                  />
                  <span className="font-semibold">{division}</span>
                  {isCovered && (
                    <span id={`${id}-covered`} className="text-sm">
                      ({t.form.alreadyHasCampaign})
                    </span>
                  )}
                </label>
              </li>
            );
          })}
        </ul>
      </Fieldset>

      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={isPending} pendingLabel={t.form.submitting} disabled={selectable.length === 0}>
          {t.form.submitBulk}
        </SubmitButton>
        <Link href="/orga/campagnes" className="font-semibold text-primary underline">
          {t.form.cancel}
        </Link>
      </div>
    </form>
  );
}
