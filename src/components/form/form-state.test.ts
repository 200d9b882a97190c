import { describe, expect, it } from "vitest";

import type { ActionState } from "@/lib/action";

import { describedBy, fieldErrorsOf, idle, withoutFields } from "./form-state";

describe("fieldErrorsOf", () => {
  it("has no field error before the first answer or after a success", () => {
    expect(fieldErrorsOf(idle)).toEqual({});
    expect(fieldErrorsOf({ status: "success", data: undefined })).toEqual({});
  });

  it("returns zod's field errors", () => {
    const state: ActionState = {
      status: "error",
      code: "VALIDATION",
      message: "Le formulaire contient des erreurs.",
      fieldErrors: { name: ["Indiquez un nom."] },
    };
    expect(fieldErrorsOf(state)).toEqual({ name: ["Indiquez un nom."] });
  });

  it("puts a domain error's message on the field it names", () => {
    const state: ActionState = {
      status: "error",
      code: "CONFLICT",
      message: "Adresse déjà utilisée.",
      details: { field: "email" },
    };
    expect(fieldErrorsOf(state)).toEqual({ email: ["Adresse déjà utilisée."] });
  });

  it("has no field error when neither zod nor the domain error names a field", () => {
    expect(
      fieldErrorsOf({ status: "error", code: "VALIDATION", message: "Erreur de formulaire.", fieldErrors: {} }),
    ).toEqual({});
    expect(
      fieldErrorsOf({ status: "error", code: "FORBIDDEN", message: "Accès refusé.", details: { field: 3 } }),
    ).toEqual({});
  });
});

describe("describedBy", () => {
  it("joins the ids present and drops the others", () => {
    expect(describedBy("a-hint", undefined, false, null, "a-error")).toBe("a-hint a-error");
  });

  it("gives nothing rather than an empty attribute", () => {
    expect(describedBy(undefined, false)).toBeUndefined();
  });
});

describe("withoutFields", () => {
  it("drops the errors of the fields edited since, keeps the others", () => {
    const errors = { name: ["Indiquez un nom."], division: ["Choisissez une classe."] };
    expect(withoutFields(errors, ["name"])).toEqual({ division: ["Choisissez une classe."] });
    expect(withoutFields(errors, [])).toEqual(errors);
  });
});
