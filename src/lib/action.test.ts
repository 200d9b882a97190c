import { describe, expect, it } from "vitest";
import { z } from "zod";

import { createAction, formDataToObject, idleState } from "@/lib/action";
import { DomainError } from "@/lib/errors";

const schema = z.object({
  name: z.string().trim().min(1, "Le nom est obligatoire."),
  tags: z.array(z.string()).optional(),
});

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("createAction", () => {
  it("returns field errors in French when the input is invalid, without running the handler", async () => {
    let ran = false;
    const action = createAction({ schema, auth: "public", handler: async () => void (ran = true) });
    const state = await action(idleState, form([["name", "  "]]));
    expect(ran).toBe(false);
    expect(state).toMatchObject({
      status: "error",
      code: "VALIDATION",
      fieldErrors: { name: ["Le nom est obligatoire."] },
    });
  });

  it("runs the handler with the parsed input and returns its data", async () => {
    const action = createAction({
      schema,
      auth: "public",
      handler: async (input) => input.name.toUpperCase(),
      successMessage: "Enregistré.",
    });
    expect(await action(idleState, form([["name", " abc "]]))).toEqual({
      status: "success",
      data: "ABC",
      message: "Enregistré.",
    });
  });

  it("maps a DomainError to its code and French message", async () => {
    const action = createAction({
      schema,
      auth: "public",
      handler: async () => {
        throw new DomainError("CONFLICT", { userMessage: "Déjà fait.", details: { id: 3 } });
      },
    });
    expect(await action(idleState, form([["name", "x"]]))).toEqual({
      status: "error",
      code: "CONFLICT",
      message: "Déjà fait.",
      details: { id: 3 },
    });
    const generic = createAction({
      schema,
      auth: "public",
      handler: async () => {
        throw new DomainError("NOT_FOUND");
      },
    });
    expect(await generic(idleState, form([["name", "x"]]))).toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("n'existe pas"),
    });
  });

  it("rethrows anything else: a bug is not an expected outcome", async () => {
    const action = createAction({
      schema,
      auth: "public",
      handler: async () => {
        throw new TypeError("boom");
      },
    });
    await expect(action(idleState, form([["name", "x"]]))).rejects.toThrow("boom");
  });
});

describe("formDataToObject", () => {
  it("keeps repeated keys as arrays and drops Next's action fields", () => {
    expect(
      formDataToObject(
        form([
          ["tags", "a"],
          ["tags", "b"],
          ["name", "n"],
          ["$ACTION_ID_1", ""],
        ]),
      ),
    ).toEqual({ tags: ["a", "b"], name: "n" });
  });
});
