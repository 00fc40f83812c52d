// Password hashing with argon2id. Production uses the library's defaults (64 MiB, 3 passes); tests
// switch to the cheapest parameters through usePasswordCost('test') so suites stay fast.
import argon2 from 'argon2';
import { randomBytes, randomInt } from 'node:crypto';

const COSTS = {
  production: {},
  test: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
} as const;

let cost: keyof typeof COSTS = 'production';

export function usePasswordCost(level: keyof typeof COSTS): void {
  cost = level;
}

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id, ...COSTS[cost] });

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password: lets a login for an unknown user take as long as a real one. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword(randomBytes(16).toString('hex')));

/** Random characters from an alphabet without look-alikes (0/O, 1/l/I); randomInt is unbiased. */
export function generatePassword(length = 16): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}
