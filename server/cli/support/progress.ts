// Progress of long work on stderr — only when stderr is a terminal, so pipes, files and CI logs
// get exactly the output they got before. ora draws the line and clears it when the work ends.
import ora, { type Ora } from 'ora';

export interface Progress {
  /** "Chấm điểm 640 bài nộp" — a new phase, or the count of the current one. */
  say(text: string): void;
  /** Ends the line with a tick and the time the whole work took. */
  done(text: string): void;
}

const SILENT: Progress = { say: () => {}, done: () => {} };

/** Redraws at most every 100 ms, so a tight loop of say() costs almost nothing. */
export function progress(first: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  // A terminal that reports no width (some pseudo-terminals) cannot be redrawn in place.
  if (!stream.isTTY || !stream.columns) return SILENT;
  const started = Date.now();
  const spinner: Ora = ora({ text: first, stream, discardStdin: false }).start();
  let last = 0;
  return {
    say(text) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      spinner.text = text;
    },
    done(text) {
      spinner.succeed(`${text} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    },
  };
}
