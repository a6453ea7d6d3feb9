import bcrypt from "bcryptjs";

// Cost 11: about 150 ms per check on these machines; slow enough against offline guessing.
const BCRYPT_COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the account does not exist, so timing does not reveal which emails exist.
export const DUMMY_PASSWORD_HASH = "$2b$11$HdPmdxJlaIRHD3MoS58BwuglWXwiSn6aMq1Z3c1O9GyzhPGcycRR6";
