import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import bcrypt from "bcryptjs";

/**
 * Argon2id with OWASP's minimum settings (19 MiB, 2 passes, 1 lane): about 15 ms per check on
 * these machines and memory-hard against GPU guessing. bcrypt hashes from earlier releases still
 * verify and are replaced with Argon2id at the next successful sign-in.
 */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Longest accepted password: long passphrases fit, megabyte bodies do not reach the hasher. */
export const MAX_PASSWORD_LENGTH = 256;
export const MIN_PASSWORD_LENGTH = 8;
export const PASSWORD_TOO_LONG_MESSAGE = `Passwords are at most ${MAX_PASSWORD_LENGTH} characters.`;

export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password, ARGON2_OPTIONS);
}

export function isBcryptHash(stored: string): boolean {
  return /^\$2[abxy]\$/.test(stored);
}

/** Whether the password matches, and whether the stored hash should be replaced. */
export async function verifyPassword(
  password: string,
  stored: string,
): Promise<{ valid: boolean; needsRehash: boolean }> {
  if (isBcryptHash(stored)) {
    // bcrypt reads only the first 72 bytes: a longer password could match on its prefix alone.
    if (Buffer.byteLength(password, "utf8") > 72) return { valid: false, needsRehash: false };
    const valid = await bcrypt.compare(password, stored);
    return { valid, needsRehash: valid };
  }
  try {
    return { valid: await argon2Verify(stored, password), needsRehash: false };
  } catch {
    // A malformed stored hash never matches.
    return { valid: false, needsRehash: false };
  }
}

// Compared against when the account does not exist (or has no password), so timing does not
// reveal which emails exist. Argon2id of a random string nobody knows.
export const DUMMY_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$dnPTIrGIf1+aNbdk4Y9ttw$U7j7Xt1SkIyD1slEoYnkbeZtwlMEDKmPTr++Jx7tM5A";
