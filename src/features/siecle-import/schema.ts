import { z } from "zod";

/**
 * What comes with an upload besides the file (which is the request body itself, streamed): its
 * name. The upload only reads, validates and stages the file (preview); confirming applies the
 * staged import by its id (`confirmImportSchema`), without sending the file again.
 */
export const uploadSchema = z.object({
  /** Shown in the import history; the file's kind is detected by content, never by its name. */
  fileName: z.string().trim().max(255).catch(""),
});

export type UploadInput = z.infer<typeof uploadSchema>;

/** *Confirmer l'import*: the staged import the preview showed. */
export const confirmImportSchema = z.object({
  stagedImportId: z.uuid(),
});
