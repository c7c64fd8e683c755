// What a CLI command may touch of the outside: its output streams and whether it runs on a TTY.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  isTty: boolean;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  isTty: Boolean(process.stdout.isTTY),
};

/** A command: parses its own arguments, returns the exit code. */
export type Command = (argv: string[], io: CliIo) => Promise<number>;
