"use client";

import Link from "next/link";
import { useActionState, useState } from "react";

import { campaignsMessages as t } from "@/messages/fr/campaigns";

import { createCampaignAction } from "../actions";
import { defaultCampaignName } from "../domain/campaign-name";
import { describedBy, ErrorSummary, FieldError, fieldErrorsOf, idle } from "./form-parts";
import { TargetProfilePicker, type TargetProfileChoice } from "./target-profile-picker";

const fieldClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2";

const fieldIds = {
  division: "field-division",
  targetProfileId: "field-targetProfileId",
  name: "field-name",
  ownerId: "field-ownerId",
  title: "field-title",
  customLandingText: "field-customLandingText",
};

export function CreateCampaignForm({
  targetProfiles,
  divisions,
  owners,
  currentUserId,
  selectedDivision,
}: {
  targetProfiles: TargetProfileChoice[];
  divisions: string[];
  owners: { userId: number; firstName: string; lastName: string }[];
  currentUserId: number;
  selectedDivision: string;
}) {
  const [state, formAction, isPending] = useActionState(createCampaignAction, idle);
  const [division, setDivision] = useState(selectedDivision);
  const [targetProfileId, setTargetProfileId] = useState(targetProfiles.length === 1 ? targetProfiles[0]!.id : "");
  // The suggested name follows the class and parcours until the user types their own.
  const [customName, setCustomName] = useState<string | null>(null);
  const targetProfile = targetProfiles.find((choice) => choice.id === targetProfileId);
  const suggestedName = targetProfile ? defaultCampaignName(targetProfile.name, division || null) : "";
  const name = customName ?? suggestedName;
  const errors = fieldErrorsOf(state);
  const labels = {
    division: t.form.division,
    targetProfileId: t.form.targetProfile,
    name: t.form.name,
    ownerId: t.form.owner,
    title: t.form.title,
    customLandingText: t.form.customLandingText,
  };

  return (
    <form action={formAction} className="space-y-6" noValidate>
      <ErrorSummary state={state} title={t.form.errorSummary} fieldIds={fieldIds} labels={labels} />

      <div>
        <label htmlFor={fieldIds.division} className="text-lg font-semibold">
          {t.form.division}
        </label>
        <p id="division-hint" className="text-muted">
          {t.form.divisionHint}
        </p>
        <select
          id={fieldIds.division}
          name="division"
          value={division}
          onChange={(event) => setDivision(event.target.value)}
          aria-invalid={errors.division ? true : undefined}
          aria-describedby={describedBy("division-hint", errors.division && "division-error")}
          className={`${fieldClass} md:w-80`}
        >
          <option value="">{t.form.noDivision}</option>
          {divisions.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        <FieldError id="division-error" errors={errors.division} />
      </div>

      <fieldset>
        <legend className="text-lg font-semibold">{t.form.targetProfile}</legend>
        <p className="mb-2 text-muted">{t.form.targetProfileHint}</p>
        <TargetProfilePicker
          choices={targetProfiles}
          value={targetProfileId}
          onChange={setTargetProfileId}
          errorId="targetProfileId-error"
          hasError={Boolean(errors.targetProfileId)}
        />
        <FieldError id="targetProfileId-error" errors={errors.targetProfileId} />
      </fieldset>

      <div>
        <label htmlFor={fieldIds.name} className="text-lg font-semibold">
          {t.form.name}
        </label>
        <p id="name-hint" className="text-muted">
          {t.form.nameHint}
        </p>
        <input
          id={fieldIds.name}
          name="name"
          type="text"
          required
          maxLength={255}
          value={name}
          onChange={(event) => setCustomName(event.target.value)}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy("name-hint", errors.name && "name-error")}
          className={fieldClass}
        />
        <FieldError id="name-error" errors={errors.name} />
      </div>

      <div>
        <label htmlFor={fieldIds.ownerId} className="text-lg font-semibold">
          {t.form.owner}
        </label>
        <p id="owner-hint" className="text-muted">
          {t.form.ownerHint}
        </p>
        <select
          id={fieldIds.ownerId}
          name="ownerId"
          defaultValue={String(currentUserId)}
          aria-invalid={errors.ownerId ? true : undefined}
          aria-describedby={describedBy("owner-hint", errors.ownerId && "ownerId-error")}
          className={`${fieldClass} md:w-80`}
        >
          {owners.map((owner) => (
            <option key={owner.userId} value={owner.userId}>
              {owner.firstName} {owner.lastName}
            </option>
          ))}
        </select>
        <FieldError id="ownerId-error" errors={errors.ownerId} />
      </div>

      <div>
        <label htmlFor={fieldIds.title} className="text-lg font-semibold">
          {t.form.title}
        </label>
        <input
          id={fieldIds.title}
          name="title"
          type="text"
          maxLength={255}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={describedBy(errors.title && "title-error")}
          className={fieldClass}
        />
        <FieldError id="title-error" errors={errors.title} />
      </div>

      <div>
        <label htmlFor={fieldIds.customLandingText} className="text-lg font-semibold">
          {t.form.customLandingText}
        </label>
        <textarea
          id={fieldIds.customLandingText}
          name="customLandingText"
          rows={4}
          maxLength={5000}
          aria-invalid={errors.customLandingText ? true : undefined}
          aria-describedby={describedBy(errors.customLandingText && "customLandingText-error")}
          className={fieldClass}
        />
        <FieldError id="customLandingText-error" errors={errors.customLandingText} />
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={isPending}
          className="rounded-md bg-primary px-5 py-3 font-semibold text-white hover:bg-primary-dark disabled:opacity-60"
        >
          {isPending ? t.form.submitting : t.form.submit}
        </button>
        <Link href="/orga/campagnes" className="font-semibold text-primary underline">
          {t.form.cancel}
        </Link>
      </div>
    </form>
  );
}
