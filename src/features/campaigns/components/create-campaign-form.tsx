"use client";

import Link from "next/link";
import { useActionState, useState } from "react";

import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, TextareaField, TextField } from "@/components/form/field";
import { idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { useFieldErrors } from "@/components/form/use-field-errors";
import { campaignsMessages as t } from "@/messages/fr/campaigns";

import { createCampaignAction } from "../actions";
import { defaultCampaignName } from "../domain/campaign-name";
import { TargetProfileFieldset, type TargetProfileChoice } from "./target-profile-picker";

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
  const { errors, onChange } = useFieldErrors(state);
  const labels = {
    division: t.form.division,
    targetProfileId: t.form.targetProfile,
    name: t.form.name,
    ownerId: t.form.owner,
    title: t.form.title,
    customLandingText: t.form.customLandingText,
  };

  return (
    <form action={formAction} onChange={onChange} className="space-y-6" noValidate>
      <ErrorSummary state={state} fieldIds={fieldIds} labels={labels} />

      <SelectField
        id={fieldIds.division}
        name="division"
        label={t.form.division}
        hint={t.form.divisionHint}
        hintId="division-hint"
        errors={errors.division}
        errorId="division-error"
        controlClassName="md:w-80"
        value={division}
        onChange={(event) => setDivision(event.target.value)}
      >
        <option value="">{t.form.noDivision}</option>
        {divisions.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </SelectField>

      <TargetProfileFieldset
        choices={targetProfiles}
        value={targetProfileId}
        onChange={setTargetProfileId}
        errors={errors.targetProfileId}
      />

      <TextField
        id={fieldIds.name}
        name="name"
        type="text"
        label={t.form.name}
        hint={t.form.nameHint}
        hintId="name-hint"
        errors={errors.name}
        errorId="name-error"
        required
        maxLength={255}
        value={name}
        onChange={(event) => setCustomName(event.target.value)}
      />

      <SelectField
        id={fieldIds.ownerId}
        name="ownerId"
        label={t.form.owner}
        hint={t.form.ownerHint}
        hintId="owner-hint"
        errors={errors.ownerId}
        errorId="ownerId-error"
        controlClassName="md:w-80"
        defaultValue={String(currentUserId)}
      >
        {owners.map((owner) => (
          <option key={owner.userId} value={owner.userId}>
            {owner.firstName} {owner.lastName}
          </option>
        ))}
      </SelectField>

      <TextField
        id={fieldIds.title}
        name="title"
        type="text"
        label={t.form.title}
        errors={errors.title}
        errorId="title-error"
        maxLength={255}
      />

      <TextareaField
        id={fieldIds.customLandingText}
        name="customLandingText"
        label={t.form.customLandingText}
        errors={errors.customLandingText}
        errorId="customLandingText-error"
        rows={4}
        maxLength={5000}
      />

      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={isPending} pendingLabel={t.form.submitting}>
          {t.form.submit}
        </SubmitButton>
        <Link href="/orga/campagnes" className="font-semibold text-primary underline">
          {t.form.cancel}
        </Link>
      </div>
    </form>
  );
}
