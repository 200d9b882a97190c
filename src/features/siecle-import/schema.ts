import { z } from "zod";

import { siecleImportPage as t } from "@/messages/fr/siecle-import";

/**
 * The upload: the file and what to do with it. `preview` reads and plans without writing;
 * `apply` imports. The preview is stateless: confirming sends the same file again.
 */
export const importFileSchema = z.object({
  file: z.instanceof(File, { message: t.noFileChosen }),
  mode: z.enum(["preview", "apply"]),
});

export type ImportFileInput = z.infer<typeof importFileSchema>;
