import "server-only";

import { cache } from "react";

import { memberOrRedirect } from "@/lib/session";

export const loadCguPage = cache(async () => memberOrRedirect({ allowWithoutCgu: true }));
