import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";

import { MAX_UPLOAD_BYTES, toMegabytes } from "@/features/siecle-import/domain/limits";
import { FILE_NAME_HEADER } from "@/features/siecle-import/domain/upload-protocol";
import { importSiecleFile } from "@/features/siecle-import/mutations";
import { uploadSchema } from "@/features/siecle-import/schema";
import { runAuthorized } from "@/lib/action";
import { env } from "@/lib/env";
import { siecleImportPage as t } from "@/messages/fr/siecle-import";

export const dynamic = "force-dynamic";

const refuse = (status: number, code: string, message: string) => NextResponse.json({ status: "error", code, message }, { status });

class UploadTooLarge extends Error {}

/**
 * The request body as it arrives, never gathered: the import parses it chunk by chunk. The limit
 * is counted on the bytes actually received, whatever Content-Length said (or if it said nothing).
 */
async function* limited(body: ReadableStream<Uint8Array>, maxBytes: number): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.length;
      if (total > maxBytes) throw new UploadTooLarge();
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

function decodeFileName(value: string | null): string {
  try {
    return value ? decodeURIComponent(value) : "";
  } catch {
    return "";
  }
}

/**
 * The import page posts the raw file here with XMLHttpRequest (for its progress bar): body = the
 * file, `X-File-Name` = its name percent-encoded, `?mode=preview|apply`. Not a server action, so
 * the same-origin check is ours; the session, ADMIN role and school are re-read from the database
 * before a byte of the body is read.
 */
export async function POST(request: Request) {
  // The session cookie is SameSite=Lax; this also refuses a cross-site page posting with it.
  const origin = request.headers.get("origin");
  if (!origin || origin !== new URL(env().APP_BASE_URL).origin) return refuse(403, "FORBIDDEN", t.forbidden);

  const declared = request.headers.get("content-length");
  const length = declared === null ? null : Number(declared);
  if (!request.body || length === 0) return refuse(400, "VALIDATION", t.noFileChosen);
  if (length !== null && length > MAX_UPLOAD_BYTES) return refuse(413, "PAYLOAD_TOO_LARGE", t.fileTooLarge(toMegabytes(MAX_UPLOAD_BYTES)));

  const input = uploadSchema.safeParse({
    mode: new URL(request.url).searchParams.get("mode"),
    fileName: decodeFileName(request.headers.get(FILE_NAME_HEADER)),
  });
  if (!input.success) return refuse(400, "VALIDATION", t.unexpectedError);
  const { mode, fileName } = input.data;
  const body = request.body;

  let state;
  try {
    state = await runAuthorized("admin", async ({ member }) => {
      const outcome = await importSiecleFile({
        schoolId: member.school.id,
        actorUserId: member.userId,
        fileName: fileName || "fichier",
        bytes: limited(body, MAX_UPLOAD_BYTES),
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
    });
  } catch (error) {
    // Raised while reading, before anything is written: nothing imported, nothing recorded.
    if (error instanceof UploadTooLarge) return refuse(413, "PAYLOAD_TOO_LARGE", t.fileTooLarge(toMegabytes(MAX_UPLOAD_BYTES)));
    throw error;
  }
  const status =
    state.status !== "error"
      ? 200
      : state.code === "UNAUTHENTICATED"
        ? 401
        : state.code === "FORBIDDEN"
          ? 403
          : state.code === "NOT_FOUND"
            ? 404
            : state.code === "BUSY"
              ? 409
              : 400;
  return NextResponse.json(state, { status });
}
