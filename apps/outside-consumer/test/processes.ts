/**
 * Child processes for the outside-consumer test: commands that run to completion (`run`) and servers that
 * run until stopped (`startServer`). Every child gets its own process group, so stopping it also stops what
 * it started (npm's scripts, a CLI's workers), and every live child is tracked, so an interrupted or failing
 * run still stops them all (see `killAllNow`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants } from 'node:os';
import { delimiter, isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RunResult {
  /** The command line as a user would type it, for messages. */
  command: string;
  cwd: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  /** Standard output and error, interleaved as they arrived. */
  output: string;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** A safety net against a hung command, never a performance expectation. */
  timeoutMs: number;
}

/** Kept from a command's interleaved output; the messages only show its end. */
const maxOutputChars = 2_000_000;

const live = new Set<ChildProcess>();
const exitCleanups = new Set<() => void>();

/** Runs a command to completion. Never rejects: a command that cannot start gets code null and the reason. */
export function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const commandLine = [command, ...args].map(quote).join(' ');
  return new Promise((resolve) => {
    const child = spawnTracked(command, args, options);
    const collected = collect(child);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void stopGroup(child);
    }, options.timeoutMs);
    const finish = (code: number | null, signal: NodeJS.Signals | null, failure?: Error) => {
      clearTimeout(timer);
      // Whatever the command left running in its group (a server it forgot to stop) ends with it.
      signalGroup(child, 'SIGKILL');
      live.delete(child);
      if (failure) collected.append(`\n(could not run ${commandLine}: ${failure.message})\n`);
      if (timedOut) collected.append(`\n(stopped after the ${options.timeoutMs / 1000} s timeout)\n`);
      resolve({
        command: commandLine,
        cwd: options.cwd,
        code,
        signal,
        timedOut,
        stdout: collected.stdout(),
        output: collected.output(),
      });
    };
    child.once('error', (error) => finish(null, null, error));
    child.once('close', (code, signal) => finish(code, signal));
  });
}

/** The last lines of a command's output, for failure messages. */
export function tail(text: string, lines = 40): string {
  const all = text.replace(/\s+$/, '').split('\n');
  const shown = all.slice(-lines).join('\n');
  return all.length > lines ? `… (${all.length - lines} earlier lines)\n${shown}` : shown;
}

/** What a user reading CI output needs about a finished command: what ran, where, how it ended, why. */
export function describeRun(result: RunResult, lines = 40): string {
  const ending = result.timedOut
    ? `timed out (${result.signal ?? 'killed'})`
    : result.signal
      ? `was killed by ${result.signal}`
      : `exited with code ${result.code}`;
  return `\`${result.command}\` (in ${result.cwd}) ${ending}; last output:\n${indent(tail(result.output, lines) || '(no output)')}`;
}

/** Quoted output, each line behind a bar, so it stands apart from the message around it in a CI log. */
export function indent(text: string, prefix = '    │ '): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

export interface Server {
  pid: number | undefined;
  /** Everything it printed so far, interleaved. */
  output(): string;
  /** Settles when the process has exited (for whatever reason). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Stops the process group: SIGTERM, then SIGKILL if it is still there after a grace period. */
  stop(): Promise<void>;
}

/**
 * Starts a long-running process. It is preloaded with `exit-with-parent.cjs`, so it exits on its own if this
 * process disappears without cleaning up (killed with SIGKILL, a crashed worker).
 */
export function startServer(command: string, args: string[], options: Omit<RunOptions, 'timeoutMs'>): Server {
  const preload = `--require ${JSON.stringify(fileURLToPath(new URL('exit-with-parent.cjs', import.meta.url)))}`;
  const env = {
    ...options.env,
    NODE_OPTIONS: [options.env.NODE_OPTIONS, preload].filter(Boolean).join(' '),
  };
  const child = spawnTracked(command, args, { ...options, env });
  const collected = collect(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('error', (error) => {
      collected.append(`\n(could not start ${command}: ${error.message})\n`);
      live.delete(child);
      resolve({ code: null, signal: null });
    });
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
  });
  return {
    pid: child.pid,
    output: collected.output,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      await stopGroup(child);
      await exited;
    },
  };
}

/** A port that was free a moment ago (for servers that cannot be handed a listening socket). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Runs `cleanup` when this process exits, however it exits: normally, through `process.exit()` (which vitest
 * calls on SIGINT/SIGTERM without running teardowns), or on a signal nobody else handles. It must be
 * synchronous, as nothing asynchronous runs at that point.
 */
export function onExit(cleanup: () => void): () => void {
  installExitHandlers();
  exitCleanups.add(cleanup);
  return () => exitCleanups.delete(cleanup);
}

/** Removes a directory now, synchronously (for exit-time cleanup). */
export function removeNow(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** SIGKILLs every tracked process group still alive: the last resort when this process is going away. */
export function killAllNow(): void {
  for (const child of live) signalGroup(child, 'SIGKILL');
  live.clear();
}

/**
 * The environment of a command run in the outside project: this process's, minus what pnpm, turbo and vitest
 * inject (`npm_config_*` would make npm use the workspace's settings; `VITEST*` would make the project's own
 * vitest believe it is a worker of ours), and minus PATH entries inside the workspace (pnpm puts the
 * workspace's `node_modules/.bin` first, which would let the workspace's binaries stand in for the project's).
 */
export function outsideEnv(workspaceRoot: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|vitest)/i.test(key) && key !== 'PNPM_HOME') continue;
    if (key === 'INIT_CWD' || key === 'TEST' || key === 'NODE_ENV') continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => entry !== '' && !isInside(entry, workspaceRoot))
    .join(delimiter);
  return { ...env, ...extra };
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function spawnTracked(command: string, args: string[], options: Omit<RunOptions, 'timeoutMs'>): ChildProcess {
  installExitHandlers();
  // detached: its own process group, so a stop reaches the grandchildren too; stdin closed, as in CI.
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  return child;
}

function collect(child: ChildProcess) {
  let stdout = '';
  let output = '';
  const append = (text: string) => {
    output += text;
    if (output.length > maxOutputChars) output = output.slice(-maxOutputChars);
  };
  child.stdout?.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
    if (stdout.length > maxOutputChars) stdout = stdout.slice(-maxOutputChars);
    append(text);
  });
  child.stderr?.setEncoding('utf8').on('data', append);
  return { stdout: () => stdout, output: () => output, append };
}

const graceMs = 10_000;

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
  // The leader is gone; anything it left behind in its group goes too.
  signalGroup(child, 'SIGKILL');
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

let handlersInstalled = false;

function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const cleanUpNow = () => {
    killAllNow();
    for (const cleanup of exitCleanups) {
      try {
        cleanup();
      } catch {
        // Best effort: the process is exiting; the other cleanups still run.
      }
    }
    exitCleanups.clear();
  };
  process.on('exit', cleanUpNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      cleanUpNow();
      // Listening replaced Node's default of dying of the signal, so exit as it would have (vitest's own
      // handler, if it has one, does the same).
      process.exitCode ??= 128 + (constants.signals[signal] ?? 0);
      setTimeout(() => process.exit(), 10);
    };
    process.on(signal, onSignal);
  }
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
