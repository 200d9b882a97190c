import { describe, expect, it } from "vitest";

import { httpStatusOf, httpStatusOfState } from "@/lib/http-status";

describe("httpStatusOf", () => {
  it("maps the codes a route handler answers, and the caller's input errors to 400", () => {
    expect(httpStatusOf("UNAUTHENTICATED")).toBe(401);
    expect(httpStatusOf("FORBIDDEN")).toBe(403);
    expect(httpStatusOf("NOT_FOUND")).toBe(404);
    expect(httpStatusOf("BUSY")).toBe(409);
    expect(httpStatusOf("PAYLOAD_TOO_LARGE")).toBe(413);
    expect(httpStatusOf("TOO_MANY_ATTEMPTS")).toBe(429);
    expect(httpStatusOf("VALIDATION")).toBe(400);
    expect(httpStatusOf("INVALID_INPUT")).toBe(400);
  });

  it("answers 200 for a state that is not an error", () => {
    expect(httpStatusOfState({ status: "success" })).toBe(200);
    expect(httpStatusOfState({ status: "error", code: "BUSY" })).toBe(409);
  });
});
