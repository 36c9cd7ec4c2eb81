/**
 * What the global setup (registry, publish, project) hands to the checks, through vitest's provide/inject.
 * Everything here must survive structured cloning into the test worker.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PublishedPackage, WorkspacePackage } from './packages.js';

export interface OutsideRun {
  workspaceRoot: string;
  /** The scratch directory holding the registry, the tarballs and the project; gone after the run. */
  scratchDir: string;
  registryUrl: string | undefined;
  /** Set once the project's npm install succeeded. */
  projectDir: string | undefined;
  workspacePackages: WorkspacePackage[];
  /** One per package that was packed: the public ones and the expected ones, private or not. */
  packages: PublishedPackage[];
  /** The `@vouchspec` packages the project installed (those that could be published). */
  installed: string[];
  /** Failures that leave no project to check (registry down, install failed); every check reports them. */
  setupProblems: string[];
  timings: { phase: string; seconds: number }[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    outside: OutsideRun;
  }
}

/** The directory holding pnpm-workspace.yaml, found from this package upwards. */
export function findWorkspaceRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No pnpm-workspace.yaml above ${from}`);
  }
}
