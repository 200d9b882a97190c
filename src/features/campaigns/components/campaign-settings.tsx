"use client";

import { useActionState } from "react";

import { campaignsMessages } from "@/messages/fr/campaigns";

import { archiveCampaignAction, unarchiveCampaignAction, updateCampaignAction } from "../actions";
import type { CampaignDetail, OwnerChoice } from "../types";
import { describedBy, ErrorSummary, FieldError, fieldErrorsOf, idle } from "./form-parts";

const t = campaignsMessages;
const fieldClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2";

function StateMessage({ state }: { state: { status: string; message?: string } }) {
  if (state.status !== "success" || !state.message) return null;
  return (
    <p role="status" className="rounded-md border-2 border-success bg-success-light p-3 font-semibold text-success">
      {state.message}
    </p>
  );
}

function ArchiveForm({ campaign }: { campaign: CampaignDetail }) {
  const isArchived = campaign.archivedAt !== null;
  const [state, formAction, isPending] = useActionState(isArchived ? unarchiveCampaignAction : archiveCampaignAction, idle);
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
      <button
        type="submit"
        disabled={isPending}
        className={`rounded-md px-4 py-2 font-semibold disabled:opacity-60 ${isArchived ? "bg-primary text-white hover:bg-primary-dark" : "border-2 border-danger bg-white text-danger hover:bg-danger-light"}`}
      >
        {isArchived ? t.settings.unarchive : t.settings.archive}
      </button>
    </form>
  );
}

function EditForm({ campaign, owners }: { campaign: CampaignDetail; owners: OwnerChoice[] }) {
  const [state, formAction, isPending] = useActionState(updateCampaignAction, idle);
  const errors = fieldErrorsOf(state);
  const fieldIds = { name: "settings-name", ownerId: "settings-owner", title: "settings-title", customLandingText: "settings-landing" };
  return (
    <form action={formAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <input type="hidden" name="campaignId" value={campaign.id} />
      <ErrorSummary
        state={state}
        title={t.form.errorSummary}
        fieldIds={fieldIds}
        labels={{ name: t.form.name, ownerId: t.form.owner, title: t.form.title, customLandingText: t.form.customLandingText }}
      />
      <StateMessage state={state} />
      <div>
        <label htmlFor={fieldIds.name} className="font-semibold">
          {t.form.name}
        </label>
        <input
          id={fieldIds.name}
          name="name"
          defaultValue={campaign.name}
          required
          maxLength={255}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy(errors.name && "settings-name-error")}
          className={fieldClass}
        />
        <FieldError id="settings-name-error" errors={errors.name} />
      </div>
      <div>
        <label htmlFor={fieldIds.ownerId} className="font-semibold">
          {t.form.owner}
        </label>
        <select
          id={fieldIds.ownerId}
          name="ownerId"
          defaultValue={String(campaign.owner.id)}
          aria-invalid={errors.ownerId ? true : undefined}
          aria-describedby={describedBy(errors.ownerId && "settings-owner-error")}
          className={`${fieldClass} md:w-80`}
        >
          {owners.map((owner) => (
            <option key={owner.userId} value={owner.userId}>
              {owner.firstName} {owner.lastName}
            </option>
          ))}
        </select>
        <FieldError id="settings-owner-error" errors={errors.ownerId} />
      </div>
      <div>
        <label htmlFor={fieldIds.title} className="font-semibold">
          {t.form.title}
        </label>
        <input
          id={fieldIds.title}
          name="title"
          defaultValue={campaign.title ?? ""}
          maxLength={255}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={describedBy(errors.title && "settings-title-error")}
          className={fieldClass}
        />
        <FieldError id="settings-title-error" errors={errors.title} />
      </div>
      <div>
        <label htmlFor={fieldIds.customLandingText} className="font-semibold">
          {t.form.customLandingText}
        </label>
        <textarea
          id={fieldIds.customLandingText}
          name="customLandingText"
          rows={4}
          defaultValue={campaign.customLandingText ?? ""}
          maxLength={5000}
          aria-invalid={errors.customLandingText ? true : undefined}
          aria-describedby={describedBy(errors.customLandingText && "settings-landing-error")}
          className={fieldClass}
        />
        <FieldError id="settings-landing-error" errors={errors.customLandingText} />
      </div>
      <button type="submit" disabled={isPending} className="rounded-md bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-dark disabled:opacity-60">
        {isPending ? t.form.saving : t.form.save}
      </button>
    </form>
  );
}

export function CampaignSettings({ campaign, canManage, owners }: { campaign: CampaignDetail; canManage: boolean; owners: OwnerChoice[] }) {
  return (
    <section aria-labelledby="settings-title" className="max-w-3xl space-y-4">
      <h2 id="settings-title" className="text-xl font-bold">
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
