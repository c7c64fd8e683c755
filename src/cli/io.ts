// What a CLI command may touch of the outside: its output streams and whether it runs on a TTY.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  isTty: boolean;
  /** Redraws one status line in place (progress bars, TTY only); '' clears it. */
  progress?(line: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  isTty: Boolean(process.stdout.isTTY),
  progress: (line) => process.stderr.write(`\r\x1b[2K${line}`),
};

/** A command: parses its own arguments, returns the exit code. */
export type Command = (argv: string[], io: CliIo) => Promise<number>;
