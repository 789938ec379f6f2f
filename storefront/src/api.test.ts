import { describe, expect, it } from "vitest";
import { describeProblem } from "./api";

describe("describeProblem", () => {
  it("lists invalid fields first", () => {
    expect(
      describeProblem(
        {
          title: "Invalid request",
          errors: [{ field: "email", message: "must be a well-formed email address" }],
        },
        400,
      ),
    ).toBe("email: must be a well-formed email address");
  });

  it("falls back to detail, then title, then the status", () => {
    expect(
      describeProblem(
        { title: "Conflict", detail: "an account with this email already exists" },
        409,
      ),
    ).toBe("an account with this email already exists");
    expect(describeProblem({ title: "Unauthorized" }, 401)).toBe("Unauthorized");
    expect(describeProblem({}, 502)).toBe("The request failed (HTTP 502)");
  });
});
