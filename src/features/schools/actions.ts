"use server";

import { createAction } from "@/lib/action";

import { requestSchoolActivation } from "./mutations";
import { activationSchema } from "./schema";

export const requestActivationAction = createAction({
  schema: activationSchema,
  auth: "public",
  handler: async (input) => requestSchoolActivation(input),
});
