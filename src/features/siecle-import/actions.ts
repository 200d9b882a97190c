"use server";

import { revalidatePath } from "next/cache";

import { createAction } from "@/lib/action";

import { applyStagedImport } from "./mutations";
import { confirmImportSchema } from "./schema";
import type { ImportOutcome } from "./types";

/**
 * *Confirmer l'import*: applies the import the upload route staged, by its id, for the ADMIN
 * who uploaded it, in their current school (docs/decisions/009). No file is sent again.
 */
export const confirmSiecleImport = createAction({
  schema: confirmImportSchema,
  auth: "member",
  ability: "siecle:import",
  handler: async ({ stagedImportId }, { member }): Promise<ImportOutcome> => {
    const outcome = await applyStagedImport({ schoolId: member.school.id, actorUserId: member.userId, stagedImportId });
    revalidatePath("/orga/eleves", "layout");
    revalidatePath("/orga/classes");
    revalidatePath("/orga/campagnes", "layout");
    return outcome;
  },
});
