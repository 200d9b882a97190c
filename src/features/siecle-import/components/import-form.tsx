"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type DragEvent, type FormEvent } from "react";

import { buttonClass } from "@/components/ui/button";
import type { ActionState } from "@/lib/action";
import { siecleImportPage as t, skippedStudentLabel } from "@/messages/fr/siecle-import";

import { confirmSiecleImport } from "../actions";
import { MAX_UPLOAD_BYTES, toMegabytes } from "../domain/limits";
import { FILE_NAME_HEADER } from "../domain/upload-protocol";
import { type ImportOutcome, SKIP_REASONS } from "../types";

const UPLOAD_URL = "/orga/eleves/import/televersement";

type Mode = "preview" | "apply";
type UploadResponse =
  | { status: "success"; data: { outcome: ImportOutcome; stagedImportId: string | null } }
  | { status: "error"; code: string; message: string; fieldErrors?: Record<string, string[] | undefined> };

type Phase =
  | { kind: "idle" }
  | { kind: "sending"; mode: Mode; percent: number; processing: boolean }
  | { kind: "preview"; outcome: ImportOutcome; stagedImportId: string }
  | { kind: "rejected"; outcome: ImportOutcome }
  | { kind: "failed"; message: string }
  | { kind: "imported"; outcome: ImportOutcome };

/**
 * XMLHttpRequest rather than fetch: only it reports upload progress. The route reads, validates
 * and stages the file; confirming then applies the staged import (a server action), without
 * sending the file again.
 */
function upload(file: File, onProgress: (percent: number, sent: boolean) => void): Promise<UploadResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    // The raw file as the body: the server parses it as it arrives instead of buffering a form.
    xhr.open("POST", UPLOAD_URL);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader(FILE_NAME_HEADER, encodeURIComponent(file.name));
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100), false);
    };
    xhr.upload.onload = () => onProgress(100, true);
    xhr.onload = () =>
      xhr.response && typeof xhr.response === "object"
        ? resolve(xhr.response as UploadResponse)
        : reject(new Error(String(xhr.status)));
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(file);
  });
}

export function ImportForm() {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [isDragging, setIsDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  // Screen-reader and keyboard users land on what just appeared.
  useEffect(() => {
    if (phase.kind !== "idle" && phase.kind !== "sending") resultRef.current?.focus();
  }, [phase.kind]);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setFileError(null);
    setPhase({ kind: "idle" });
  };

  const imported = (outcome: ImportOutcome) => {
    setPhase({ kind: "imported", outcome });
    setFile(null);
    if (inputRef.current) inputRef.current.value = "";
    router.refresh();
  };

  async function send() {
    if (!file) {
      setFileError(t.noFileChosen);
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      setPhase({ kind: "failed", message: t.fileTooLarge(toMegabytes(MAX_UPLOAD_BYTES)) });
      return;
    }
    const mode = "preview";
    setPhase({ kind: "sending", mode, percent: 0, processing: false });
    let response: UploadResponse;
    try {
      response = await upload(file, (percent, sent) => setPhase({ kind: "sending", mode, percent, processing: sent }));
    } catch {
      setPhase({ kind: "failed", message: t.uploadFailed });
      return;
    }
    if (response.status === "error") {
      const fieldMessage = response.fieldErrors?.file?.[0];
      if (fieldMessage) setFileError(fieldMessage);
      setPhase({ kind: "failed", message: fieldMessage ?? response.message ?? t.unexpectedError });
      return;
    }
    const { outcome, stagedImportId } = response.data;
    if (outcome.status === "VALIDATION_ERROR" || !stagedImportId) {
      setPhase({ kind: "rejected", outcome });
      router.refresh();
    } else if (outcome.status === "DRY_RUN") setPhase({ kind: "preview", outcome, stagedImportId });
    else imported(outcome);
  }

  /** *Confirmer l'import*: the staged import, by its id. */
  async function confirm(stagedImportId: string) {
    setPhase({ kind: "sending", mode: "apply", percent: 100, processing: true });
    const formData = new FormData();
    formData.set("stagedImportId", stagedImportId);
    let state: ActionState<ImportOutcome>;
    try {
      state = await confirmSiecleImport({ status: "idle" }, formData);
    } catch {
      setPhase({ kind: "failed", message: t.unexpectedError });
      return;
    }
    if (state.status === "success") imported(state.data);
    else setPhase({ kind: "failed", message: state.status === "error" ? state.message : t.unexpectedError });
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setIsDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) choose(dropped);
  };

  const cancel = () => {
    choose(null);
    if (inputRef.current) inputRef.current.value = "";
  };

  const busy = phase.kind === "sending";

  return (
    <section aria-labelledby="import-form-title" className="space-y-6">
      <h2 id="import-form-title" className="text-2xl font-bold">
        {t.formTitle}
      </h2>

      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <div
          onDragOver={(event) => {
            event.preventDefault();
            setIsDragging(true);
          }}
          onDragLeave={() => setIsDragging(false)}
          onDrop={onDrop}
          className={`rounded-lg border-2 border-dashed p-6 ${isDragging ? "border-primary bg-primary-light" : "border-slate-400 bg-white"}`}
        >
          <p className="text-lg">{t.dropZone}</p>
          <label htmlFor="siecle-file" className="mt-4 block font-semibold">
            {t.fileLabel}
          </label>
          <p id="siecle-file-hint" className="text-muted">
            {t.fileHint}
          </p>
          {/* The native control's own words follow the browser's language: ours are French. */}
          <div className="mt-2 flex flex-wrap items-center gap-3">
            <input
              ref={inputRef}
              id="siecle-file"
              name="file"
              type="file"
              accept=".xml,.zip,.csv,text/xml,application/xml,application/zip,text/csv"
              disabled={busy}
              onChange={(event) => choose(event.target.files?.[0] ?? null)}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={
                fileError ? "siecle-file-hint siecle-file-name siecle-file-error" : "siecle-file-hint siecle-file-name"
              }
              className="peer sr-only"
            />
            <label
              htmlFor="siecle-file"
              className="cursor-pointer rounded-md bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-dark peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-primary peer-disabled:cursor-not-allowed peer-disabled:opacity-60"
            >
              {t.chooseFile}
            </label>
            <span id="siecle-file-name" className={file ? "font-semibold" : "text-muted"}>
              {file ? file.name : t.noFileYet}
            </span>
          </div>
          {fileError && (
            <p id="siecle-file-error" className="mt-2 font-semibold text-danger" aria-live="polite">
              {fileError}
            </p>
          )}
          <p className="mt-4">
            <a href="/orga/eleves/import/modele-csv" download className="font-semibold text-primary underline">
              {t.templateLink}
            </a>
          </p>
        </div>
        {(phase.kind === "idle" ||
          phase.kind === "failed" ||
          phase.kind === "rejected" ||
          phase.kind === "imported") && (
          <button type="submit" className={buttonClass("primary")} disabled={!file}>
            {t.sendFile}
          </button>
        )}
      </form>

      <div aria-live="polite">
        {phase.kind === "sending" && (
          <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
            <label htmlFor="upload-progress" className="font-semibold">
              {phase.processing ? (phase.mode === "apply" ? t.applying : t.analysing) : t.uploading(phase.percent)}
            </label>
            <progress id="upload-progress" max={100} value={phase.percent} className="block h-3 w-full" />
          </div>
        )}
      </div>

      {phase.kind === "preview" && (
        <section
          aria-labelledby="preview-title"
          className="space-y-4 rounded-lg border-2 border-primary bg-white p-5"
          data-testid="import-preview"
        >
          <h3 id="preview-title" ref={resultRef} tabIndex={-1} className="text-xl font-bold">
            {t.previewTitle}
          </h3>
          <p className="text-lg">{t.previewSummary(phase.outcome)}</p>
          {phase.outcome.unchanged > 0 && <p>{t.unchanged(phase.outcome.unchanged)}</p>}
          {phase.outcome.skipped > 0 && <SkippedList outcome={phase.outcome} />}
          {phase.outcome.changes.length > 0 && <ChangeList outcome={phase.outcome} />}
          <div>
            <p className="font-semibold">{t.classesFound(phase.outcome.divisions.length)}</p>
            <ul className="mt-2 flex flex-wrap gap-2" aria-label={t.classesListLabel}>
              {phase.outcome.divisions.map((division) => (
                <li key={division} className="rounded-md bg-primary-light px-3 py-1 font-semibold text-primary">
                  {division}
                </li>
              ))}
            </ul>
          </div>
          <div className="flex flex-wrap gap-3">
            <button type="button" onClick={() => void confirm(phase.stagedImportId)} className={buttonClass("primary")}>
              {t.confirm}
            </button>
            <button type="button" onClick={cancel} className={buttonClass("secondary")}>
              {t.cancel}
            </button>
          </div>
        </section>
      )}

      {phase.kind === "rejected" && (
        <section
          role="alert"
          aria-labelledby="errors-title"
          className="space-y-3 rounded-lg border-2 border-danger bg-danger-light p-5"
          data-testid="import-errors"
        >
          <h3 id="errors-title" ref={resultRef} tabIndex={-1} className="text-xl font-bold text-danger">
            {t.errorTitle}
          </h3>
          <p className="font-semibold">{t.errorCount(phase.outcome.errors.length)}</p>
          <ul className="list-disc space-y-1 pl-6">
            {phase.outcome.errors.map((error, index) => (
              <li key={index}>{error.message}</li>
            ))}
          </ul>
        </section>
      )}

      {phase.kind === "failed" && (
        <section
          role="alert"
          aria-labelledby="failure-title"
          className="rounded-lg border-2 border-danger bg-danger-light p-5"
        >
          <h3 id="failure-title" ref={resultRef} tabIndex={-1} className="text-lg font-bold text-danger">
            {phase.message}
          </h3>
        </section>
      )}

      {phase.kind === "imported" && (
        <section
          role="status"
          className="rounded-lg border-2 border-success bg-success-light p-5"
          data-testid="import-done"
        >
          <h3 ref={resultRef} tabIndex={-1} className="text-lg font-bold text-success">
            {t.importDone}
          </h3>
          <p className="mt-1">{t.importedCounts(phase.outcome)}</p>
        </section>
      )}
    </section>
  );
}

/** Who is left out and why; for what the school can fix in SIECLE, the pupils by name. */
function SkippedList({ outcome }: { outcome: ImportOutcome }) {
  return (
    <ul className="list-disc space-y-1 pl-6">
      {SKIP_REASONS.filter((reason) => outcome.skippedByReason[reason] > 0).map((reason) => {
        const named = outcome.skippedStudents.filter((student) => student.reason === reason);
        return (
          <li key={reason}>
            {t.skippedDetail(reason, outcome.skippedByReason[reason])}
            {named.length > 0 && (reason === "NO_NATIONAL_STUDENT_ID" || reason === "NO_DIVISION") && (
              <>
                {". "}
                {t.skippedFix[reason]} {named.map(skippedStudentLabel).join(", ")}
                {outcome.skippedByReason[reason] > named.length &&
                  ` ${t.moreSkipped(outcome.skippedByReason[reason] - named.length)}`}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** "4 mis à jour" in full: each updated learner, and each field with its old and new value. */
function ChangeList({ outcome }: { outcome: ImportOutcome }) {
  return (
    <div>
      <h4 className="font-semibold">{t.changesTitle}</h4>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t.changesCaption}</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="p-2">
                {t.changesColumns.learner}
              </th>
              <th scope="col" className="p-2">
                {t.changesColumns.division}
              </th>
              <th scope="col" className="p-2">
                {t.changesColumns.change}
              </th>
            </tr>
          </thead>
          <tbody>
            {outcome.changes.map((change) => (
              <tr key={change.learnerId} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 font-semibold">
                  {change.name}
                </th>
                <td className="p-2">{change.division}</td>
                <td className="p-2">
                  <ul>
                    {change.reEnabled && <li>{t.reEnabled}</li>}
                    {change.fields.map((field) => (
                      <li key={field.field}>{t.changeLine(field)}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {outcome.updated > outcome.changes.length && (
        <p className="mt-1 text-muted">{t.moreChanges(outcome.updated - outcome.changes.length)}</p>
      )}
    </div>
  );
}
