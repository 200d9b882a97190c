import type { AuthorizedSchoolId } from "@/lib/session";

/**
 * The school an operator's process works on: the seed, the operator CLI, the job worker's
 * retention jobs (src/jobs.ts, handed to the privacy feature as a function), an end-to-end test
 * arranging data as the operator would. Those run on the server with the operator's own rights and
 * no session, so nothing is there to check; requests never come here (lint rule [session-gate]
 * refuses this module in src/app and src/features). Requests get their school from the session
 * gate of src/lib/session.ts.
 */
export function operatorSchoolId(id: number): AuthorizedSchoolId {
  return id as AuthorizedSchoolId;
}
