// A command never ends in a stack trace: an unexpected failure is reported in one line (the
// stack only with CHISO_DEBUG=1) and the command exits 1.
import { EXIT } from './files';

export function guard<A extends unknown[]>(action: (...args: A) => Promise<void> | void): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      console.error(`chiso: lỗi không mong đợi / unexpected error: ${message}`);
      if (process.env.CHISO_DEBUG === '1' && err instanceof Error) console.error(err.stack);
      process.exitCode = EXIT.invalid;
    }
  };
}
