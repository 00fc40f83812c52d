import { METHOD_NAMES, METHODS } from '../../../server/engine';

/** A scoring method's name or help in one language, by method: one definition, in the method's file. */
export const methodWords = (what: 'name' | 'help', lang: 'vi' | 'en'): Record<string, string> =>
  Object.fromEntries(METHOD_NAMES.map((m) => [m, METHODS[m][what][lang]]));
