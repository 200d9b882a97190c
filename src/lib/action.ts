import "server-only";

import { z } from "zod";

import { assertCan, type RoleAbility } from "@/lib/abilities";
import { DomainError, type DomainErrorCode, isDomainError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { type MemberContext, type StudentContext, requireMember, requireStudent } from "@/lib/session";
import { cguRequiredMessage, errorMessages } from "@/messages/fr/errors";

export type ActionState<T = undefined> =
  | { status: "idle" }
  | { status: "success"; data: T; message?: string }
  | {
      status: "error";
      code: DomainErrorCode | "VALIDATION";
      message: string;
      fieldErrors?: Record<string, string[]>;
      details?: Record<string, unknown>;
    };

export const idleState = { status: "idle" } as const;

type Auth = "public" | "student" | "member";
type ContextFor<A extends Auth> = A extends "member"
  ? { member: MemberContext }
  : A extends "student"
    ? { student: StudentContext }
    : Record<string, never>;

/** FormData → plain object; repeated keys become arrays, files stay files. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key);
    out[key] = values.length > 1 || key.endsWith("[]") ? values : values[0];
  }
  return out;
}

/**
 * The one server-action wrapper: parse with the feature's schema, authenticate and authorise
 * against the database, run exactly one handler, map expected failures (DomainError) to a state
 * for `useActionState`. Anything else is a bug: rethrown for error.tsx and the logs. `redirect()`
 * and `notFound()` thrown by the handler pass through untouched.
 */
export function createAction<S extends z.ZodType, A extends Auth, T = undefined>(options: {
  schema: S;
  auth: A;
  handler: (input: z.infer<S>, context: ContextFor<A>) => Promise<T>;
  /** Success message shown by the form (French). */
  successMessage?: string;
  /** Staff must accept the terms of use before acting; only the acceptance itself is exempt. */
  allowWithoutCgu?: boolean;
  /** What the member must be allowed (src/lib/abilities.ts); rules that need the record are checked by the mutation. */
  ability?: RoleAbility;
}): (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>> {
  return async (_previous, formData) => {
    const parsed = options.schema.safeParse(formDataToObject(formData));
    if (!parsed.success) {
      const flattened = z.flattenError(parsed.error);
      return {
        status: "error",
        code: "VALIDATION",
        message: flattened.formErrors[0] ?? errorMessages.VALIDATION,
        fieldErrors: flattened.fieldErrors as Record<string, string[]>,
      };
    }
    const state = await runAuthorized(options.auth, (context) => options.handler(parsed.data, context), {
      allowWithoutCgu: options.allowWithoutCgu,
      ability: options.ability,
    });
    return state.status === "success" ? { ...state, message: options.successMessage } : state;
  };
}

/**
 * For a route handler whose input is not a form (a streamed upload): the same authentication and
 * authorisation against the database as `createAction`, then the handler, with DomainError
 * mapped to the same French error state. Anything else is rethrown.
 */
export async function runAuthorized<A extends Auth, T>(
  auth: A,
  handler: (context: ContextFor<A>) => Promise<T>,
  options: { allowWithoutCgu?: boolean; ability?: RoleAbility } = {},
): Promise<ActionState<T>> {
  try {
    const context = await resolveContext(auth, options.allowWithoutCgu ?? false, options.ability);
    return { status: "success", data: await handler(context as ContextFor<A>) };
  } catch (error) {
    if (isDomainError(error)) return toErrorState(error);
    throw error;
  }
}

async function resolveContext(auth: Auth, allowWithoutCgu: boolean, ability?: RoleAbility): Promise<unknown> {
  if (auth === "public") return {};
  if (auth === "student") return { student: await requireStudent() };
  const member = await requireMember();
  if (!member.hasAcceptedCgu && !allowWithoutCgu)
    throw new DomainError("FORBIDDEN", { userMessage: cguRequiredMessage });
  if (ability) assertCan(member, ability);
  return { member };
}

export function toErrorState(error: DomainError): Extract<ActionState<never>, { status: "error" }> {
  if (error.code === "FORBIDDEN" || error.code === "UNAUTHENTICATED") {
    logger.info("action.refused", { code: error.code });
  }
  return {
    status: "error",
    code: error.code,
    message: error.userMessage ?? errorMessages[error.code],
    details: error.details,
  };
}
