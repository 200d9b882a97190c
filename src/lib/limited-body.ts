import { DomainError } from "@/lib/errors";

/**
 * A request body as it arrives, never gathered, for a consumer that parses it chunk by chunk.
 * The limit is counted on the bytes actually received, whatever Content-Length said (or if it
 * said nothing): one chunk past `maxBytes` throws `PAYLOAD_TOO_LARGE` (with `userMessage`) and
 * the body is cancelled, so the rest is never read.
 */
export async function* limitedBody(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  userMessage?: string,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.length;
      if (total > maxBytes) throw new DomainError("PAYLOAD_TOO_LARGE", { userMessage });
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** A declared `Content-Length` over the limit: refused before a byte is read. */
export function declaredLengthOver(request: Request, maxBytes: number): boolean {
  const declared = request.headers.get("content-length");
  return declared !== null && Number(declared) > maxBytes;
}
