import { NextResponse } from "next/server";

import { importSiecleFileAction } from "@/features/siecle-import/actions";
import { MAX_UPLOAD_BYTES, toMegabytes } from "@/features/siecle-import/domain/limits";
import { idleState } from "@/lib/action";
import { siecleImportPage as t } from "@/messages/fr/siecle-import";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope around a file at the limit; the import refuses the rest. */
const MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024;

const refuse = (status: number, code: string, message: string) => NextResponse.json({ status: "error", code, message }, { status });

/**
 * The import page posts here with XMLHttpRequest so it can show upload progress; the work is
 * the server action's (auth, ADMIN check, validation, import).
 */
export async function POST(request: Request) {
  // The session cookie is SameSite=Lax; this also refuses a cross-site script posting with it.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && new URL(origin).host !== host) return refuse(403, "FORBIDDEN", t.forbidden);

  const length = Number(request.headers.get("content-length"));
  if (!Number.isFinite(length) || length <= 0) return refuse(411, "VALIDATION", t.noFileChosen);
  if (length > MAX_REQUEST_BYTES) return refuse(413, "PAYLOAD_TOO_LARGE", t.fileTooLarge(toMegabytes(MAX_UPLOAD_BYTES)));

  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return refuse(400, "VALIDATION", t.noFileChosen);
  }
  const state = await importSiecleFileAction(idleState, formData);
  const status =
    state.status !== "error" ? 200 : state.code === "UNAUTHENTICATED" ? 401 : state.code === "FORBIDDEN" ? 403 : state.code === "BUSY" ? 409 : 400;
  return NextResponse.json(state, { status });
}
