import { formatImportErrorMessage, type ImportErrorParams } from "@/messages/fr/siecle-import";
import type { ImportError, ImportErrorCode } from "../types";

/**
 * Builds an error with its French message. `field` is the raw XML element or CSV header that
 * machines read; `params.fieldLabel` is what people read.
 */
export function importError(
  code: ImportErrorCode,
  where: { nationalStudentId?: string; line?: number; field?: string } = {},
  params: ImportErrorParams = {},
): ImportError {
  const error: ImportError = { code, message: "" };
  if (where.nationalStudentId) error.nationalStudentId = where.nationalStudentId;
  if (where.line !== undefined) error.line = where.line;
  if (where.field) error.field = where.field;
  error.message = formatImportErrorMessage(code, {
    ...params,
    nationalStudentId: where.nationalStudentId,
    line: where.line,
  });
  return error;
}

/** A problem that stops reading the file (nothing after it can be trusted). */
export class RegisterFileError extends Error {
  constructor(readonly error: ImportError) {
    super(error.code);
    this.name = "RegisterFileError";
  }
}

export const failFile = (
  code: ImportErrorCode,
  params: ImportErrorParams = {},
  where: { line?: number } = {},
): never => {
  throw new RegisterFileError(importError(code, where, params));
};
