import "server-only";

import { headers } from "next/headers";

import { clientAddressFromHeaders } from "@/lib/client-address";

/** The current request's client address (see client-address.ts): for throttles and loopback checks. */
export async function requestClientAddress(): Promise<string> {
  return clientAddressFromHeaders(await headers());
}
