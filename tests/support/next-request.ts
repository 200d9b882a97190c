// The request context that route handlers and server actions read through `next/headers`, for
// integration tests that call them directly (no Next server): a cookie jar and the request
// headers. Everything behind them is the real code against the real database.
//
//   vi.mock("next/headers", async () => (await import("<path>/tests/support/next-request")).nextHeadersMock());
//   vi.mock("next/cache", async (importOriginal) => (await import("<path>/tests/support/next-request")).nextCacheMock(importOriginal));
//
// then `import { cookieJar, setSessionCookie } from "<path>/tests/support/next-request"` in the test.

export type CookieOptions = {
  httpOnly?: boolean;
  sameSite?: string;
  secure?: boolean;
  path?: string;
  expires?: Date;
  maxAge?: number;
};

/** The cookies of "the" request; what the code sets or deletes lands here. Cleared with `resetRequest()`. */
export const cookieJar = new Map<string, { value: string; options?: CookieOptions }>();

const DEFAULT_HEADERS = { host: "localhost" };
let requestHeaders: Record<string, string> = { ...DEFAULT_HEADERS };

/** Signs "the" request in (a session token) or out (null). */
export function setSessionCookie(token: string | null): void {
  if (token === null) cookieJar.delete("pix_session");
  else cookieJar.set("pix_session", { value: token });
}

/** Headers of "the" request (default `host: localhost`). */
export function setRequestHeaders(headers: Record<string, string>): void {
  requestHeaders = { ...headers };
}

/** No cookies, default headers. */
export function resetRequest(): void {
  cookieJar.clear();
  requestHeaders = { ...DEFAULT_HEADERS };
}

export function nextHeadersMock() {
  return {
    cookies: async () => ({
      get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)!.value } : undefined),
      getAll: () => [...cookieJar].map(([name, { value }]) => ({ name, value })),
      has: (name: string) => cookieJar.has(name),
      set: (name: string, value: string, options?: CookieOptions) => void cookieJar.set(name, { value, options }),
      delete: (name: string) => void cookieJar.delete(name),
    }),
    headers: async () => new Headers(requestHeaders),
    draftMode: async () => ({ isEnabled: false }),
  };
}

/** `next/cache` as it is, but `revalidatePath`, which needs a running Next server, does nothing. */
export async function nextCacheMock(importOriginal: <T>() => Promise<T>) {
  return { ...(await importOriginal<typeof import("next/cache")>()), revalidatePath: () => {} };
}
