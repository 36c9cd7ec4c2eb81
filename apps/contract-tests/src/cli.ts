/**
 * `pnpm conformance` in this repository: `vouchspec-conformance` with the recording step in front, so the
 * contract checked and verified is the one the client records now. Each run writes to its own directory
 * under `runs/` (or `--out`).
 */
import { fileURLToPath } from 'node:url';
import { runCli } from '@vouchspec/conformance';
import { recordPacts } from './record.js';

process.exitCode = await runCli(process.argv.slice(2), {
  command: 'pnpm conformance',
  // Relative paths are the user's: pnpm runs this script at the root but records where it was started.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  runsDir: fileURLToPath(new URL('../runs', import.meta.url)),
  record: {
    describe: 'Pact consumer tests drive @vouchspec/client through every operation',
    run: recordPacts,
  },
});
