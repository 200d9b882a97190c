import { z } from "zod";

/**
 * What comes with an upload besides the file (which is the request body itself, streamed): what
 * to do with it and its name. `preview` reads and plans without writing; `apply` imports. The
 * preview is stateless: confirming sends the same file again.
 */
export const uploadSchema = z.object({
  mode: z.enum(["preview", "apply"]),
  /** Shown in the import history; the file's kind is detected by content, never by its name. */
  fileName: z.string().trim().max(255).catch(""),
});

export type UploadInput = z.infer<typeof uploadSchema>;
