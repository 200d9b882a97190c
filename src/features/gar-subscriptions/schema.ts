import { z } from "zod";

/** The checklist's button carries nothing: the school is the session's. */
export const retrySubscriptionSchema = z.object({});
