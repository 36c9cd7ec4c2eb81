/**
 * `pnpm conformance` in this repository: `vouchspec-conformance` with the recording step in front, so the
 * contract checked and verified is the one the client records now.
 */
import { runCli } from '@vouchspec/conformance';
import { pactsDir, reportsDir } from './pact.js';
import { recordPacts } from './record.js';

process.exitCode = await runCli(process.argv.slice(2), {
  command: 'pnpm conformance',
  // Relative paths are the user's: pnpm runs this script in the package but records where it was started.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  defaultReportsDir: reportsDir,
  record: {
    describe: `Pact consumer tests drive @vouchspec/client through every operation (into ${pactsDir})`,
    pactsDir,
    run: recordPacts,
  },
});
