import { describe, expect, it } from "vitest";
import { pickEnvironment } from "@/lib/environments";
import { AppError } from "@/lib/errors";

const CHAIN = [{ name: "dev" }, { name: "staging" }, { name: "prod" }];

describe("pickEnvironment", () => {
  it("takes the URL's environment first, even over the switcher's", () => {
    expect(pickEnvironment(CHAIN, { requested: "dev", preferred: "staging" }).name).toBe("dev");
  });

  it("falls back to the switcher's choice when the URL names none (monitoring polls without ?env=)", () => {
    expect(pickEnvironment(CHAIN, { preferred: "staging" }).name).toBe("staging");
    expect(pickEnvironment(CHAIN, { requested: "", preferred: "staging" }).name).toBe("staging");
  });

  it("opens on prod without a choice, or when the remembered one was removed", () => {
    expect(pickEnvironment(CHAIN).name).toBe("prod");
    expect(pickEnvironment(CHAIN, { preferred: "qa" }).name).toBe("prod");
  });

  it("refuses an unknown name in the URL with a 400 naming the parameter", () => {
    const error = (() => {
      try {
        pickEnvironment(CHAIN, { requested: "moon", parameter: "environment" });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      status: 400,
      message: 'environment: no environment named "moon" in this workspace.',
      fields: [{ path: "environment", message: "unknown environment" }],
    });
  });

  it("says so when a workspace has no environments", () => {
    expect(() => pickEnvironment([])).toThrow("This workspace has no environments.");
  });
});
