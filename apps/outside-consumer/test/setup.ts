/**
 * vitest global setup: starts the registry, publishes the workspace's public packages to it, and installs
 * them into a fresh project outside the workspace; the teardown stops the registry and removes every
 * temporary directory. It runs once, in vitest's main process, before the checks.
 *
 * Failures here are recorded rather than thrown, so every check (and the publish check) can report them in
 * plain words instead of vitest aborting with a stack trace from the harness.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { findWorkspaceRoot, type OutsideRun } from './context.js';
import {
  expectedPublicPackages,
  installablePackages,
  listWorkspacePackages,
  type PublishedPackage,
  packAndPublish,
} from './packages.js';
import { describeRun, onExit, outsideEnv, removeNow } from './processes.js';
import { createProject } from './project.js';
import { type Registry, startRegistry } from './registry.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workspaceRoot = findWorkspaceRoot(fileURLToPath(new URL('.', import.meta.url)));
  // A unique directory per run under the OS's temp dir, never inside the workspace: two runs at once each
  // get their own registry storage, tarballs and project.
  const scratchDir = await realpath(await mkdtemp(join(tmpdir(), 'vouchspec-outside-consumer-')));
  const forgetScratch = onExit(() => removeNow(scratchDir));
  const env = outsideEnv(workspaceRoot);
  const outside: OutsideRun = {
    workspaceRoot,
    scratchDir,
    registryUrl: undefined,
    projectDir: undefined,
    workspacePackages: [],
    packages: [],
    installed: [],
    setupProblems: [],
    timings: [],
  };
  const timed = async <T>(phase: string, step: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await step();
    } finally {
      outside.timings.push({ phase, seconds: (performance.now() - started) / 1000 });
    }
  };

  let registry: Registry | undefined;
  try {
    registry = await timed('registry start', () => startRegistry(join(scratchDir, 'registry'), env));
    outside.registryUrl = registry.url;
    const registryUrl = registry.url;

    outside.workspacePackages = await listWorkspacePackages(workspaceRoot);
    // The public ones are what a release publishes; the expected ones are tried too, so a package that is
    // still private fails with npm's own words rather than by being silently left out.
    const candidates = outside.workspacePackages.filter(
      (pkg) => !pkg.private || (expectedPublicPackages as readonly string[]).includes(pkg.name),
    );
    outside.packages = await timed('pack + publish', async () => {
      const done: PublishedPackage[] = [];
      for (const pkg of candidates)
        done.push(await packAndPublish(pkg, join(scratchDir, 'tarballs'), registryUrl, env));
      return done;
    });

    const installable = installablePackages(outside.packages);
    const projectDir = join(scratchDir, 'project');
    const install = await timed('npm install', () =>
      createProject(projectDir, registryUrl, installable, env),
    );
    if (install.code === 0) {
      outside.projectDir = projectDir;
      outside.installed = installable;
    } else outside.setupProblems.push(`The project's npm install failed: ${describeRun(install)}`);
  } catch (error) {
    outside.setupProblems.push((error as Error).message);
  }

  for (const { phase, seconds } of outside.timings)
    console.log(`[outside-consumer] ${phase}: ${seconds.toFixed(1)} s`);
  project.provide('outside', outside);

  return async function teardown() {
    await registry?.stop();
    await rm(scratchDir, { recursive: true, force: true, maxRetries: 3 });
    forgetScratch();
    if (existsSync(scratchDir)) throw new Error(`Could not remove the temporary directory ${scratchDir}`);
    if (registry?.pid !== undefined && isRunning(registry.pid))
      throw new Error(`Verdaccio (pid ${registry.pid}) is still running after the teardown`);
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
