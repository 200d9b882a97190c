import "server-only";

import { cookies } from "next/headers";

import { areDevPagesEnabled } from "@/lib/env";

/**
 * The clock of what Orga *shows* (the rentrée banner, the checklist's warnings about an old
 * import). Development and end-to-end tests set it per browser with the dev-only cookie
 * `pix_dev_clock` (an ISO instant), honoured only where dev pages are (ENABLE_DEV_PAGES or
 * outside production), so a test can be on 2 September without mocking the browser's Date.
 * Never used for a security decision (sessions, throttles, tokens keep the real time).
 */
export const DEV_CLOCK_COOKIE = "pix_dev_clock";

export async function displayNow(): Promise<Date> {
  if (!areDevPagesEnabled()) return new Date();
  const value = (await cookies()).get(DEV_CLOCK_COOKIE)?.value;
  if (!value || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value)) return new Date();
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? new Date() : instant;
}
