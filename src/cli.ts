#!/usr/bin/env node
// The `titan` command line: dispatches to one module per command under src/cli/commands/.
import { runCommand } from './cli/run-command.ts';

process.exitCode = await runCommand(process.argv.slice(2));
