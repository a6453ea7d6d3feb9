import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, toAppError } from "@/lib/errors";

describe("toAppError", () => {
  it("answers concurrency failures with a retryable 409, not a 500", () => {
    for (const code of ["P2034", "40P01", "40001"]) {
      const error = toAppError(Object.assign(new Error("deadlock detected"), { code }));
      expect(error).toMatchObject({ code: "conflict", status: 409 });
      expect(error.message).toMatch(/try again/);
    }
  });

  it("keeps app errors, maps validation and uniqueness errors, and hides the rest", () => {
    const own = new AppError("not_found", "No such view.");
    expect(toAppError(own)).toBe(own);
    const invalid = z.object({ name: z.string() }).safeParse({ name: 1 });
    expect(toAppError(invalid.error)).toMatchObject({ code: "unprocessable", status: 422 });
    expect(toAppError(Object.assign(new Error("x"), { code: "P2002", meta: { target: ["name"] } }))).toMatchObject({
      code: "conflict",
      message: "An object with this name already exists.",
    });
    expect(toAppError(new Error("connection reset"))).toMatchObject({ code: "internal", status: 500 });
  });
});
