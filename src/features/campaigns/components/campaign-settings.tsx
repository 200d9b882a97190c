"use client";

import { useActionState } from "react";

import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, TextareaField, TextField } from "@/components/form/field";
import { fieldErrorsOf, idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { SuccessMessage } from "@/components/ui/notice";
import { campaignsMessages } from "@/messages/fr/campaigns";

import { archiveCampaignAction, unarchiveCampaignAction, updateCampaignAction } from "../actions";
import type { CampaignDetail, OwnerChoice } from "../types";

const t = campaignsMessages;

function StateMessage({ state }: { state: { status: string; message?: string } }) {
  if (state.status !== "success" || !state.message) return null;
  return <SuccessMessage>{state.message}</SuccessMessage>;
}

function ArchiveForm({ campaign }: { campaign: CampaignDetail }) {
  const isArchived = campaign.archivedAt !== null;
  const [state, formAction, isPending] = useActionState(
    isArchived ? unarchiveCampaignAction : archiveCampaignAction,
    idle,
  );
  return (
    <form action={formAction} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <input type="hidden" name="campaignId" value={campaign.id} />
      {!isArchived && <p className="text-muted">{t.settings.archiveHint}</p>}
      {state.status === "error" && (
        <p role="alert" className="font-semibold text-danger">
          {state.message}
        </p>
      )}
      <StateMessage state={state} />
      <SubmitButton pending={isPending} variant={isArchived ? "primary" : "danger"}>
        {isArchived ? t.settings.unarchive : t.settings.archive}
      </SubmitButton>
    </form>
  );
}

function EditForm({ campaign, owners }: { campaign: CampaignDetail; owners: OwnerChoice[] }) {
  const [state, formAction, isPending] = useActionState(updateCampaignAction, idle);
  const errors = fieldErrorsOf(state);
  const fieldIds = {
    name: "settings-name",
    ownerId: "settings-owner",
    title: "settings-title",
    customLandingText: "settings-landing",
  };
  return (
    <form action={formAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <input type="hidden" name="campaignId" value={campaign.id} />
      <ErrorSummary
        state={state}
        fieldIds={fieldIds}
        labels={{
          name: t.form.name,
          ownerId: t.form.owner,
          title: t.form.title,
          customLandingText: t.form.customLandingText,
        }}
      />
      <StateMessage state={state} />
      <TextField
        id={fieldIds.name}
        name="name"
        label={t.form.name}
        defaultValue={campaign.name}
        required
        maxLength={255}
        errors={errors.name}
      />
      <SelectField
        id={fieldIds.ownerId}
        name="ownerId"
        label={t.form.owner}
        defaultValue={String(campaign.owner.id)}
        errors={errors.ownerId}
        controlClassName="md:w-80"
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
        label={t.form.title}
        defaultValue={campaign.title ?? ""}
        maxLength={255}
        errors={errors.title}
      />
      <TextareaField
        id={fieldIds.customLandingText}
        name="customLandingText"
        label={t.form.customLandingText}
        rows={4}
        defaultValue={campaign.customLandingText ?? ""}
        maxLength={5000}
        errors={errors.customLandingText}
      />
      <SubmitButton pending={isPending} pendingLabel={t.form.saving}>
        {t.form.save}
      </SubmitButton>
    </form>
  );
}

export function CampaignSettings({
  campaign,
  canManage,
  owners,
}: {
  campaign: CampaignDetail;
  canManage: boolean;
  owners: OwnerChoice[];
}) {
  return (
    <section aria-labelledby="settings-heading" className="max-w-3xl space-y-4">
      <h2 id="settings-heading" className="text-xl font-bold">
        {t.settings.title}
      </h2>
      {!canManage ? (
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <p>{t.settings.readOnly}</p>
          {campaign.title && (
            <p>
              <span className="font-semibold">{t.form.title} :</span> {campaign.title}
            </p>
          )}
          {campaign.customLandingText && (
            <p className="whitespace-pre-line">
              <span className="font-semibold">{t.form.customLandingText} :</span> {campaign.customLandingText}
            </p>
          )}
        </div>
      ) : (
        <>
          {campaign.archivedAt === null && <EditForm campaign={campaign} owners={owners} />}
          {/* Remount on archive/unarchive: the form then posts to the other action. */}
          <ArchiveForm key={campaign.archivedAt === null ? "active" : "archived"} campaign={campaign} />
        </>
      )}
    </section>
  );
}
