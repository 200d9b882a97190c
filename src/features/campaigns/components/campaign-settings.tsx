"use client";

import { useActionState } from "react";

import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, TextareaField, TextField } from "@/components/form/field";
import { fieldErrorsOf, idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { buttonClass } from "@/components/ui/button";
import { SuccessMessage } from "@/components/ui/notice";
import { campaignsMessages } from "@/messages/fr/campaigns";

import {
  archiveCampaignAction,
  deleteCampaignAction,
  duplicateCampaignAction,
  unarchiveCampaignAction,
  updateCampaignAction,
} from "../actions";
import type { CampaignDetail, OwnerChoice } from "../types";

const t = campaignsMessages;

function StateMessage({ state }: { state: { status: string; message?: string } }) {
  if (state.status !== "success" || !state.message) return null;
  return <SuccessMessage>{state.message}</SuccessMessage>;
}

/**
 * Archive with a confirmation step (a native <details>, so it works without JavaScript), and
 * right after archiving an *Annuler l'archivage* that unarchives at once.
 */
function ArchiveControls({ campaign }: { campaign: CampaignDetail }) {
  const [archiveState, archiveAction, isArchiving] = useActionState(archiveCampaignAction, idle);
  const [unarchiveState, unarchiveAction, isUnarchiving] = useActionState(unarchiveCampaignAction, idle);
  const isArchived = campaign.archivedAt !== null;
  const error = [archiveState, unarchiveState].find((state) => state.status === "error");
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      {error?.status === "error" && (
        <p role="alert" className="font-semibold text-danger">
          {error.message}
        </p>
      )}
      {isArchived ? (
        <>
          {archiveState.status === "success" && <StateMessage state={archiveState} />}
          <form action={unarchiveAction}>
            <input type="hidden" name="campaignId" value={campaign.id} />
            <SubmitButton pending={isUnarchiving} variant="primary">
              {archiveState.status === "success" ? t.settings.archivedUndo : t.settings.unarchive}
            </SubmitButton>
          </form>
        </>
      ) : (
        <>
          {unarchiveState.status === "success" && <StateMessage state={unarchiveState} />}
          <p className="text-muted">{t.settings.archiveHint}</p>
          <details>
            <summary className={`${buttonClass("danger")} cursor-pointer list-none`}>{t.settings.archive}</summary>
            <form action={archiveAction} className="mt-3 space-y-3 rounded-md border border-danger bg-danger-light p-3">
              <input type="hidden" name="campaignId" value={campaign.id} />
              <p>{t.settings.archiveConfirm}</p>
              <SubmitButton pending={isArchiving} variant="danger">
                {t.settings.archiveSubmit}
              </SubmitButton>
            </form>
          </details>
        </>
      )}
    </div>
  );
}

function DuplicateForm({ campaign, divisions }: { campaign: CampaignDetail; divisions: string[] }) {
  const [state, formAction, isPending] = useActionState(duplicateCampaignAction, idle);
  const errors = fieldErrorsOf(state);
  const fieldIds = { name: "duplicate-name", division: "duplicate-division" };
  return (
    <section aria-labelledby="duplicate-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h3 id="duplicate-heading" className="text-lg font-bold">
        {t.settings.duplicateTitle}
      </h3>
      <p className="text-muted">{t.settings.duplicateHint}</p>
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="campaignId" value={campaign.id} />
        <ErrorSummary
          state={state}
          fieldIds={fieldIds}
          labels={{ name: t.settings.duplicateName, division: t.settings.duplicateDivision }}
        />
        <TextField
          id={fieldIds.name}
          name="name"
          label={t.settings.duplicateName}
          defaultValue={t.settings.copyName(campaign.name)}
          required
          maxLength={255}
          errors={errors.name}
        />
        <SelectField
          id={fieldIds.division}
          name="division"
          label={t.settings.duplicateDivision}
          defaultValue={campaign.division ?? ""}
          errors={errors.division}
          controlClassName="md:w-80"
        >
          <option value="">{t.form.noDivision}</option>
          {divisions.map((division) => (
            <option key={division} value={division}>
              {division}
            </option>
          ))}
        </SelectField>
        <SubmitButton pending={isPending} pendingLabel={t.settings.duplicating}>
          {t.settings.duplicateSubmit}
        </SubmitButton>
      </form>
    </section>
  );
}

function DeleteForm({ campaign }: { campaign: CampaignDetail }) {
  const [state, formAction, isPending] = useActionState(deleteCampaignAction, idle);
  return (
    <section aria-labelledby="delete-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h3 id="delete-heading" className="text-lg font-bold">
        {t.settings.deleteTitle}
      </h3>
      <p className="text-muted">{t.settings.deleteHint}</p>
      {state.status === "error" && (
        <p role="alert" className="font-semibold text-danger">
          {state.message}
        </p>
      )}
      <details>
        <summary className={`${buttonClass("danger")} cursor-pointer list-none`}>{t.settings.deleteOpen}</summary>
        <form action={formAction} className="mt-3 space-y-3 rounded-md border border-danger bg-danger-light p-3">
          <input type="hidden" name="campaignId" value={campaign.id} />
          <p>{t.settings.deleteConfirm}</p>
          <SubmitButton pending={isPending} variant="danger">
            {t.settings.deleteSubmit}
          </SubmitButton>
        </form>
      </details>
    </section>
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
  divisions = [],
  canDuplicate = false,
  canDelete = false,
}: {
  campaign: CampaignDetail;
  canManage: boolean;
  owners: OwnerChoice[];
  divisions?: string[];
  canDuplicate?: boolean;
  /** Owner or ADMIN, and nobody started the campaign. */
  canDelete?: boolean;
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
          <ArchiveControls campaign={campaign} />
        </>
      )}
      {canDuplicate && <DuplicateForm campaign={campaign} divisions={divisions} />}
      {canDelete && <DeleteForm campaign={campaign} />}
    </section>
  );
}
