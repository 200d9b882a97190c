"use server";

import { revalidatePath } from "next/cache";

import { createAction } from "@/lib/action";

import { importSiecleFile } from "./mutations";
import { importFileSchema } from "./schema";
import type { ImportOutcome } from "./types";

/**
 * Preview or apply a register file for the member's current school (ADMIN only). Called by the
 * upload route handler, which the page uses to show upload progress.
 */
export const importSiecleFileAction = createAction({
  schema: importFileSchema,
  auth: "admin",
  handler: async ({ file, mode }, { member }): Promise<ImportOutcome> => {
    const outcome = await importSiecleFile({
      schoolId: member.school.id,
      actorUserId: member.userId,
      fileName: file.name || "fichier",
      // Streamed from the upload: no second 20 MB copy of the file, and the XML is parsed as read.
      bytes: file.stream(),
      dryRun: mode === "preview",
    });
    if (outcome.status === "IMPORTED") {
      revalidatePath("/orga/eleves", "layout");
      revalidatePath("/orga/classes");
      revalidatePath("/orga/campagnes", "layout");
    } else if (outcome.status === "VALIDATION_ERROR") {
      revalidatePath("/orga/eleves/import");
    }
    return outcome;
  },
});
