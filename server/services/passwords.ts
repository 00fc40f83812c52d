// Password hashing with argon2id. Production uses the library's defaults (64 MiB, 3 passes); tests
// switch to the cheapest parameters through usePasswordCost('test') so suites stay fast.
import argon2 from 'argon2';
import { randomBytes, randomInt } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { fieldProblem } from '../problems/problem';

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

const strength = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

/** zxcvbn's scale: 3 is "safely unguessable" (about 10^10 guesses), the least a government account should have. */
const MIN_SCORE = 3;

/**
 * Refuses a password that is easy to guess: common ones ("password123", "1234567890"), repeats,
 * keyboard rows, sequences, or one built from the account's own name.
 */
export function assertStrongPassword(password: string, own: string[] = []): void {
  const result = strength.check(password, own.filter(Boolean));
  if (result.score >= MIN_SCORE) return;
  throw fieldProblem('weak-password', '/password', {
    vi: 'Mật khẩu quá dễ đoán (mật khẩu phổ biến, lặp lại, dãy phím hoặc dãy số, hay chứa tên tài khoản). Hãy dùng một câu dài của riêng bạn.',
    en: 'The password is too easy to guess (a common password, a repeat, a keyboard row or a sequence, or the account name). Use a long phrase of your own.',
  });
}
