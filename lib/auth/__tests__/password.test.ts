import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { DUMMY_PASSWORD_HASH, hashPassword, isBcryptHash, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("uses Argon2id with a fresh salt per hash", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse battery staple", a)).toEqual({ valid: true, needsRehash: false });
    expect((await verifyPassword("correct horse battery stapl", a)).valid).toBe(false);
  });

  it("tells two long passwords apart after byte 72 (bcrypt would not)", async () => {
    const prefix = "p".repeat(72);
    const stored = await hashPassword(`${prefix}-first`);
    expect((await verifyPassword(`${prefix}-second`, stored)).valid).toBe(false);
    expect((await verifyPassword(`${prefix}-first`, stored)).valid).toBe(true);
  });

  it("accepts an old bcrypt hash and asks for it to be rehashed", async () => {
    const legacy = await bcrypt.hash("old password", 4);
    expect(isBcryptHash(legacy)).toBe(true);
    expect(await verifyPassword("old password", legacy)).toEqual({ valid: true, needsRehash: true });
    expect(await verifyPassword("wrong", legacy)).toEqual({ valid: false, needsRehash: false });
  });

  it("refuses a password over 72 bytes against a bcrypt hash of its prefix", async () => {
    const legacy = await bcrypt.hash("x".repeat(72), 4);
    expect((await verifyPassword(`${"x".repeat(72)}anything`, legacy)).valid).toBe(false);
  });

  it("has a well-formed dummy hash, so unknown accounts cost a full check", async () => {
    expect(DUMMY_PASSWORD_HASH.startsWith("$argon2id$")).toBe(true);
    expect((await verifyPassword("anything", DUMMY_PASSWORD_HASH)).valid).toBe(false);
  });
});
