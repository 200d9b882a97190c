import "server-only";

import { cache } from "react";

import { isPasswordResetTokenUsable } from "./data";

export const loadResetPasswordPage = cache(async (token: string) => ({
  isUsable: await isPasswordResetTokenUsable(token),
}));
