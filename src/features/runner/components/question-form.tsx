"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";

import { applyFrenchSpacing } from "@/features/parcours/domain/typography";
import type { ActionState } from "@/lib/action";
import { runnerText } from "@/messages/fr/runner";

import { submitAnswerAction } from "../actions";
import type { QuestionView } from "../types";

const t = runnerText.question;

/** `useActionState`'s first state (lib/action is server-only, so client forms keep a copy). */
const idleState: ActionState<never> = { status: "idle" };

/**
 * "Je valide" comes first in the DOM: pressing Enter in a field submits with the first submit
 * button, and that must never be a skip.
 */
function SubmitButtons() {
  const { pending } = useFormStatus();
  return (
    <div className="flex flex-col gap-3 pt-2 sm:flex-row">
      <button
        type="submit"
        name="intent"
        value="answer"
        disabled={pending}
        className="min-h-12 rounded-lg bg-primary px-8 py-3 text-lg font-semibold text-white hover:bg-primary-dark disabled:opacity-60"
      >
        {pending ? t.submitting : t.validate}
      </button>
      <button
        type="submit"
        name="intent"
        value="skip"
        disabled={pending}
        className="min-h-12 rounded-lg border-2 border-primary bg-white px-6 py-3 text-lg font-semibold text-primary hover:bg-primary-light disabled:opacity-60"
      >
        {t.skip}
      </button>
    </div>
  );
}

const inputClass =
  "min-h-12 w-full rounded-lg border-2 border-slate-400 bg-white px-4 py-3 text-lg focus:border-primary aria-[invalid=true]:border-danger";

/**
 * A QROCM: one labelled field per blank, in the author's order. Values are kept in state so that
 * a refused answer (a field left empty) does not wipe what was typed in the others; the empty
 * ones are then marked invalid and described by the error, which names them.
 */
function FieldsInputs({ question, error, errorId }: { question: QuestionView; error: string | null; errorId: string }) {
  const [values, setValues] = useState<string[]>(() => question.proposals.map(() => ""));
  return (
    <fieldset aria-describedby={error ? errorId : undefined} className="space-y-4">
      <legend className="mb-3 text-base font-semibold text-muted">{t.fieldsLegend}</legend>
      {question.proposals.map((field, index) => {
        const id = `champ-${question.id}-${field.id}`;
        const isInvalid = error !== null && values[index]?.trim() === "";
        return (
          <div key={field.id} className="space-y-1">
            <label htmlFor={id} className="block text-lg font-semibold">
              {applyFrenchSpacing(field.label)}
            </label>
            <input
              id={id}
              name="field"
              type="text"
              value={values[index] ?? ""}
              onChange={(event) =>
                setValues((current) => current.map((value, at) => (at === index ? event.target.value : value)))
              }
              autoComplete="off"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              maxLength={200}
              aria-invalid={isInvalid ? true : undefined}
              aria-describedby={isInvalid ? errorId : undefined}
              className={inputClass}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

/** A QCU_IMAGE: radio buttons whose accessible name is the image's text alternative. */
function ImageChoices({ question, error, errorId }: { question: QuestionView; error: string | null; errorId: string }) {
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="mb-3 text-base font-semibold text-muted">{t.imageChoice}</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        {question.proposals.map((proposal, index) => (
          <label
            key={proposal.id}
            className="flex cursor-pointer flex-col gap-3 rounded-xl border-2 border-slate-300 bg-white p-3 text-lg hover:border-primary has-[:checked]:border-primary has-[:checked]:bg-primary-light has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-primary"
          >
            <span className="flex items-center gap-3">
              <input
                type="radio"
                name="choice"
                value={proposal.id}
                className="size-6 shrink-0 accent-primary focus:outline-none"
              />
              <span className="font-semibold">{t.imageChoiceName(String.fromCharCode(65 + index))}</span>
            </span>
            {/* eslint-disable-next-line @next/next/no-img-element -- our own static SVGs: nothing for next/image to resize */}
            <img src={proposal.imageUrl} alt={proposal.label} className="mx-auto h-auto w-full max-w-xs" />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * One question and its answer form. Works without JavaScript (a plain form post to the server
 * action); with it, the buttons lock while the answer is sent. Keyed by question id by the page,
 * so the next question starts blank.
 */
export function QuestionForm({ code, question }: { code: string; question: QuestionView }) {
  const [state, formAction] = useActionState(submitAnswerAction, idleState);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const error = state.status === "error" ? state.message : null;
  const errorId = `erreur-${question.id}`;

  // After each answer the page changes under the same URL: bring keyboard and screen-reader
  // users to the new statement rather than leaving focus on a button that no longer exists.
  useEffect(() => {
    headingRef.current?.focus();
  }, [question.id]);

  const isChoice = question.type === "QCU" || question.type === "QCM";
  const inputType = question.type === "QCU" ? "radio" : "checkbox";

  return (
    <form action={formAction} className="space-y-6" noValidate>
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="challengeId" value={question.id} />

      <h1 ref={headingRef} tabIndex={-1} className="text-xl font-bold leading-snug outline-none sm:text-2xl">
        {applyFrenchSpacing(question.statement)}
      </h1>

      {question.illustrationUrl && (
        <figure className="rounded-lg border border-slate-200 bg-white p-3">
          {/* eslint-disable-next-line @next/next/no-img-element -- our own static SVGs: nothing for next/image to resize */}
          <img
            src={question.illustrationUrl}
            alt={question.illustrationAlt ?? ""}
            className="mx-auto h-auto max-w-full"
          />
        </figure>
      )}

      {error && (
        <p
          id={errorId}
          role="alert"
          className="rounded-lg border border-danger bg-danger-light px-4 py-3 font-semibold text-danger"
        >
          {error}
        </p>
      )}

      {question.type === "QROCM" ? (
        <FieldsInputs question={question} error={error} errorId={errorId} />
      ) : question.type === "QCU_IMAGE" ? (
        <ImageChoices question={question} error={error} errorId={errorId} />
      ) : isChoice ? (
        <fieldset aria-describedby={error ? errorId : undefined} className="space-y-3">
          <legend className="mb-3 text-base font-semibold text-muted">
            {question.type === "QCU" ? t.oneAnswer : t.severalAnswers}
          </legend>
          {question.proposals.map((proposal) => (
            <label
              key={proposal.id}
              className="flex min-h-14 cursor-pointer items-center gap-4 rounded-xl border-2 border-slate-300 bg-white px-4 py-3 text-lg hover:border-primary has-[:checked]:border-primary has-[:checked]:bg-primary-light has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-primary"
            >
              <input
                type={inputType}
                name="choice"
                value={proposal.id}
                className="size-6 shrink-0 accent-primary focus:outline-none"
              />
              <span>{applyFrenchSpacing(proposal.label)}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <div className="space-y-2">
          <label htmlFor={`reponse-${question.id}`} className="block text-lg font-semibold">
            {t.textLabel}
          </label>
          <input
            id={`reponse-${question.id}`}
            name="text"
            type="text"
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            maxLength={200}
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? true : undefined}
            className="min-h-12 w-full rounded-lg border-2 border-slate-400 bg-white px-4 py-3 text-lg focus:border-primary"
          />
        </div>
      )}

      <SubmitButtons />
      <p className="text-base text-muted">{t.stopNote}</p>
    </form>
  );
}
