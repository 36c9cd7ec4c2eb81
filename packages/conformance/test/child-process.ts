import { spawn } from 'node:child_process';

export interface Finished {
  code: number | null;
  /** Standard output and error, interleaved as they arrived. */
  output: string;
  stdout: string;
  stderr: string;
}

/** Runs a Node.js script in a child process and collects what it prints. */
export function runNodeScript(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const finished: Finished = { code: null, output: '', stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => {
      finished.output += chunk.toString('utf8');
      finished.stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      finished.output += chunk.toString('utf8');
      finished.stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ...finished, code }));
  });
}
