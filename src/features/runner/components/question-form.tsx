"use client";

import { useActionState, useEffect, useRef } from "react";
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

  const isChoice = question.type !== "QROC";
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

      {isChoice ? (
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
