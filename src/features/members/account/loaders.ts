import "server-only";

import { cache } from "react";

import { memberOrRedirect } from "@/lib/session";

export const loadAccountPage = cache(async () => {
  const member = await memberOrRedirect();
  return {
    firstName: member.firstName,
    lastName: member.lastName,
    email: member.email,
    currentSchoolId: member.school.id,
    schools: member.schools,
  };
});
