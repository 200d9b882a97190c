import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";

import { MAX_UPLOAD_BYTES, toMegabytes } from "@/features/siecle-import/domain/limits";
import { FILE_NAME_HEADER } from "@/features/siecle-import/domain/upload-protocol";
import { stageSiecleImport } from "@/features/siecle-import/mutations";
import { uploadSchema } from "@/features/siecle-import/schema";
import { runAuthorized } from "@/lib/action";
import { env } from "@/lib/env";
import { httpStatusOf, httpStatusOfState } from "@/lib/http-status";
import { declaredLengthOver, limitedBody } from "@/lib/limited-body";
import { siecleImportPage as t } from "@/messages/fr/siecle-import";

export const dynamic = "force-dynamic";

const refuse = (code: "FORBIDDEN" | "VALIDATION" | "PAYLOAD_TOO_LARGE", message: string) =>
  NextResponse.json({ status: "error", code, message }, { status: httpStatusOf(code) });

function decodeFileName(value: string | null): string {
  try {
    return value ? decodeURIComponent(value) : "";
  } catch {
    return "";
  }
}

/**
 * The import page posts the raw file here with XMLHttpRequest (for its progress bar): body = the
 * file, `X-File-Name` = its name percent-encoded. A route handler, not a server action, because
 * the body is streamed (docs/decisions/008, 009); so the same-origin check is ours, and the session,
 * ADMIN role and school are re-read from the database before a byte of the body is read. The
 * file is read, validated and staged; the answer is the preview and the staged import's id,
 * which *Confirmer l'import* (the `confirmSiecleImport` action) applies.
 */
export async function POST(request: Request) {
  // The session cookie is SameSite=Lax; this also refuses a cross-site page posting with it.
  const origin = request.headers.get("origin");
  if (!origin || origin !== new URL(env().APP_BASE_URL).origin) return refuse("FORBIDDEN", t.forbidden);

  const tooLarge = t.fileTooLarge(toMegabytes(MAX_UPLOAD_BYTES));
  if (!request.body || request.headers.get("content-length") === "0") return refuse("VALIDATION", t.noFileChosen);
  if (declaredLengthOver(request, MAX_UPLOAD_BYTES)) return refuse("PAYLOAD_TOO_LARGE", tooLarge);

  const { fileName } = uploadSchema.parse({ fileName: decodeFileName(request.headers.get(FILE_NAME_HEADER)) });
  const body = request.body;

  const state = await runAuthorized(
    "member",
    async ({ member }) => {
      const staged = await stageSiecleImport({
        schoolId: member.school.id,
        actorUserId: member.userId,
        fileName: fileName || "fichier",
        // Over the limit, reading stops with PAYLOAD_TOO_LARGE before anything is written.
        bytes: limitedBody(body, MAX_UPLOAD_BYTES, tooLarge),
      });
      if (staged.outcome.status === "VALIDATION_ERROR") revalidatePath("/orga/eleves/import");
      return staged;
    },
    { ability: "siecle:import" },
  );
  return NextResponse.json(state, { status: httpStatusOfState(state) });
}
