import { describe, expect, it } from "vitest";
import { parseEnv, parseRoleMap, serverProcessCount } from "@/lib/env";

const sso = {
  FEATURELINE_OIDC_ISSUER: "https://idp.example.com/",
  FEATURELINE_OIDC_CLIENT_ID: "featureline",
  FEATURELINE_OIDC_CLIENT_SECRET: "s3cret",
};

describe("settings", () => {
  it("default to passwords only, no trusted proxies", () => {
    const parsed = parseEnv({});
    expect(parsed.FEATURELINE_PASSWORD_LOGIN).toBe("1");
    expect(parsed.FEATURELINE_TRUSTED_PROXIES).toBe(0);
    expect(parsed.FEATURELINE_OIDC_ISSUER).toBeUndefined();
  });

  it("read single sign-on with its defaults", () => {
    const parsed = parseEnv({ ...sso, FEATURELINE_TRUSTED_PROXIES: "2" });
    expect(parsed.FEATURELINE_OIDC_SCOPES).toBe("openid email profile");
    expect(parsed.FEATURELINE_OIDC_GROUPS_CLAIM).toBe("groups");
    expect(parsed.FEATURELINE_OIDC_NAME).toBe("single sign-on");
    expect(parsed.FEATURELINE_TRUSTED_PROXIES).toBe(2);
  });

  it.each([
    [{ FEATURELINE_OIDC_ISSUER: "https://idp.example.com" }, "FEATURELINE_OIDC_CLIENT_ID"],
    [{ ...sso, FEATURELINE_OIDC_CLIENT_SECRET: "" }, "FEATURELINE_OIDC_CLIENT_SECRET"],
    [{ ...sso, FEATURELINE_OIDC_ISSUER: "idp.example.com" }, "FEATURELINE_OIDC_ISSUER"],
    [{ ...sso, FEATURELINE_OIDC_SCOPES: "email profile" }, "FEATURELINE_OIDC_SCOPES"],
    [{ ...sso, FEATURELINE_OIDC_ROLE_MAP: "admins=acme" }, "FEATURELINE_OIDC_ROLE_MAP"],
    [{ ...sso, FEATURELINE_OIDC_ROLE_MAP: "admins=acme:owner" }, "FEATURELINE_OIDC_ROLE_MAP"],
    [{ FEATURELINE_PASSWORD_LOGIN: "0" }, "FEATURELINE_PASSWORD_LOGIN"],
    [{ FEATURELINE_PASSWORD_LOGIN: "no" }, "FEATURELINE_PASSWORD_LOGIN"],
    [{ FEATURELINE_TRUSTED_PROXIES: "-1" }, "FEATURELINE_TRUSTED_PROXIES"],
    [{ FEATURELINE_WORKERS: "2" }, "FEATURELINE_WORKERS"],
    [{ DATABASE_URL: "postgres://db/app", FEATURELINE_WORKERS: "0" }, "FEATURELINE_WORKERS"],
  ])("name the variable that is wrong (%o)", (source, variable) => {
    expect(() => parseEnv(source)).toThrow(new RegExp(`^Configuration error: ${variable} `));
  });
});

describe("server processes", () => {
  const postgres = { DATABASE_URL: "postgres://db/app" };

  it("are one on the embedded database, whatever the cores", () => {
    expect(serverProcessCount(parseEnv({}), 8)).toBe(1);
    expect(serverProcessCount(parseEnv({ FEATURELINE_WORKERS: "1" }), 8)).toBe(1);
  });

  it("are one per core on PostgreSQL, at most 4 unless set", () => {
    expect(serverProcessCount(parseEnv(postgres), 1)).toBe(1);
    expect(serverProcessCount(parseEnv(postgres), 2)).toBe(2);
    expect(serverProcessCount(parseEnv(postgres), 16)).toBe(4);
    expect(serverProcessCount(parseEnv({ ...postgres, FEATURELINE_WORKERS: "6" }), 2)).toBe(6);
  });
});

describe("the group-to-role map", () => {
  it("reads group=workspace:role entries separated by semicolons", () => {
    expect(parseRoleMap(" ml-platform-admins=acme:admin; Data Scientists=acme:author;;ops:x=beta:viewer ")).toEqual([
      { group: "ml-platform-admins", workspaceSlug: "acme", role: "admin" },
      { group: "Data Scientists", workspaceSlug: "acme", role: "author" },
      { group: "ops:x", workspaceSlug: "beta", role: "viewer" },
    ]);
    expect(parseRoleMap("")).toEqual([]);
  });

  it("explains a malformed entry", () => {
    expect(parseRoleMap("admins")).toMatch(/expected group=workspace:role/);
    expect(parseRoleMap("admins=acme:root")).toMatch(/role must be one of viewer, author, approver, admin/);
  });
});
