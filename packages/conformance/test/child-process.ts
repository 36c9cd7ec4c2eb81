import { spawn } from 'node:child_process';

export interface Finished {
  code: number | null;
  /** Standard output and error, interleaved as they arrived. */
  output: string;
}

/** Runs a Node.js script in a child process and collects what it prints. */
export function runNodeScript(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}
