/**
 * The workspace's packages as a release publishes them: `pnpm pack` (which rewrites `workspace:*` to real
 * versions and applies each package's `files`), the tarball's contents checked against what a user needs,
 * then `npm publish` of that tarball to the local registry.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeRun, run } from './processes.js';

/** What the project publishes once the restructure is done; the test asserts the public set is exactly this. */
export const expectedPublicPackages = [
  '@vouchspec/client',
  '@vouchspec/conformance',
  '@vouchspec/mock-server',
  '@vouchspec/spec',
] as const;

export interface WorkspacePackage {
  name: string;
  version: string;
  dir: string;
  private: boolean;
}

export interface PublishedPackage extends WorkspacePackage {
  tarball: string | undefined;
  /** Paths inside the tarball (`package/…`). */
  files: string[];
  /** The `@vouchspec` packages its packed manifest depends on: it installs only if they were published. */
  dependsOn: string[];
  published: boolean;
  /** Each a complete, readable message: what is wrong and the output that shows why. */
  problems: string[];
}

const commandTimeoutMs = 180_000;

/** Every package of the workspace but its root, as pnpm sees them. */
export async function listWorkspacePackages(root: string): Promise<WorkspacePackage[]> {
  const listed = await run('pnpm', ['ls', '-r', '--depth', '-1', '--json'], {
    cwd: root,
    env: process.env,
    timeoutMs: commandTimeoutMs,
  });
  if (listed.code !== 0) throw new Error(`Cannot list the workspace's packages: ${describeRun(listed)}`);
  const entries = JSON.parse(listed.stdout) as { name?: string; path: string }[];
  const packages: WorkspacePackage[] = [];
  for (const entry of entries) {
    if (entry.path === root || !entry.name) continue;
    // The manifest, not pnpm's summary, decides: `"private": true` is what npm refuses to publish.
    const manifest = JSON.parse(await readFile(join(entry.path, 'package.json'), 'utf8')) as {
      version?: string;
      private?: unknown;
    };
    packages.push({
      name: entry.name,
      version: manifest.version ?? '',
      dir: entry.path,
      private: manifest.private === true,
    });
  }
  return packages.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Packs and publishes one package. Never throws for the package's own faults (a private manifest, a failed
 * pack, unexpected files): they are recorded as problems, so the other packages still get published and the
 * checks that only need those can run.
 */
export async function packAndPublish(
  pkg: WorkspacePackage,
  tarballsDir: string,
  registryUrl: string,
  publishEnv: NodeJS.ProcessEnv,
): Promise<PublishedPackage> {
  const result: PublishedPackage = {
    ...pkg,
    tarball: undefined,
    files: [],
    dependsOn: [],
    published: false,
    problems: [],
  };
  const destination = join(tarballsDir, pkg.name.replace(/^@/, '').replace(/\//g, '-'));
  await mkdir(destination, { recursive: true });

  const packed = await run('pnpm', ['pack', '--pack-destination', destination], {
    cwd: pkg.dir,
    env: process.env,
    timeoutMs: commandTimeoutMs,
  });
  const tarballs = (await readdir(destination)).filter((file) => file.endsWith('.tgz'));
  if (packed.code !== 0 || tarballs.length !== 1 || !tarballs[0]) {
    result.problems.push(`${pkg.name}: pnpm pack did not produce one tarball: ${describeRun(packed)}`);
    return result;
  }
  result.tarball = join(destination, tarballs[0]);

  const listing = await run('tar', ['-tzf', result.tarball], {
    cwd: destination,
    env: process.env,
    timeoutMs: commandTimeoutMs,
  });
  if (listing.code !== 0)
    result.problems.push(`${pkg.name}: cannot list its tarball: ${describeRun(listing)}`);
  result.files = listing.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.endsWith('/'))
    .sort();
  result.problems.push(...contentProblems(pkg.name, result.files));
  const manifest = await packedManifest(pkg.name, result.tarball);
  result.problems.push(...manifest.problems);
  result.dependsOn = manifest.dependsOn;

  const host = new URL(registryUrl).host;
  const publish = await run(
    'npm',
    [
      'publish',
      result.tarball,
      '--registry',
      registryUrl,
      `--//${host}/:_authToken=anything`,
      '--access',
      'public',
      '--provenance=false',
      '--no-audit',
      '--no-fund',
    ],
    // Run from the tarball's directory, away from the workspace and its settings.
    { cwd: destination, env: publishEnv, timeoutMs: commandTimeoutMs },
  );
  if (publish.code === 0) result.published = true;
  else
    result.problems.push(
      `${pkg.name}: npm publish failed${pkg.private ? ' (its package.json says "private": true)' : ''}: ${describeRun(publish, 15)}`,
    );
  return result;
}

/** What a user needs from a package, and nothing else: sources, tests and configs stay in the repository. */
export function contentProblems(name: string, files: string[]): string[] {
  const allowed = [
    /^package\/(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/,
    /^package\/dist\/.+/,
    ...(name === '@vouchspec/conformance' ? [/^package\/pacts\/[^/]+\.json$/] : []),
  ];
  const problems: string[] = [];
  const unexpected = files.filter((file) => !allowed.some((pattern) => pattern.test(file)));
  if (unexpected.length > 0)
    problems.push(
      `${name}: its tarball has files a user does not need (only package.json, README.md, LICENSE, CHANGELOG.md, dist/**${name === '@vouchspec/conformance' ? ', pacts/*.json' : ''} belong there):\n${unexpected
        .slice(0, 30)
        .map((file) => `    ${file}`)
        .join('\n')}${unexpected.length > 30 ? `\n    … and ${unexpected.length - 30} more` : ''}`,
    );
  for (const required of ['package/package.json', 'package/README.md', 'package/LICENSE'])
    if (!files.includes(required))
      problems.push(`${name}: its tarball has no ${required.slice('package/'.length)}`);
  return problems;
}

/**
 * The packed manifest is what npm installs from: it must not keep a pnpm-only `workspace:` or `catalog:`
 * range (npm cannot read either), and its `@vouchspec`
 * dependencies say which other packages it needs from the registry.
 */
async function packedManifest(
  name: string,
  tarball: string,
): Promise<{ problems: string[]; dependsOn: string[] }> {
  const extracted = await run('tar', ['-xzOf', tarball, 'package/package.json'], {
    cwd: process.cwd(),
    env: process.env,
    timeoutMs: commandTimeoutMs,
  });
  if (extracted.code !== 0)
    return {
      problems: [`${name}: cannot read its packed package.json: ${describeRun(extracted)}`],
      dependsOn: [],
    };
  const manifest = JSON.parse(extracted.stdout) as Record<string, unknown>;
  const problems: string[] = [];
  const dependsOn = new Set<string>();
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    const ranges = (manifest[field] ?? {}) as Record<string, string>;
    for (const [dependency, range] of Object.entries(ranges)) {
      if (range.startsWith('workspace:') || range.startsWith('catalog:'))
        problems.push(`${name}: its packed package.json keeps ${field}.${dependency} = "${range}"`);
      if (dependency.startsWith('@vouchspec/') && field !== 'optionalDependencies') dependsOn.add(dependency);
    }
  }
  return { problems, dependsOn: [...dependsOn].sort() };
}

/**
 * The expected packages the project can install: published, and with every `@vouchspec` package they depend
 * on installable too (npm would fail the whole install on one missing package, hiding the checks that only
 * need the others).
 */
export function installablePackages(packages: PublishedPackage[]): string[] {
  let names = packages
    .filter((pkg) => pkg.published && (expectedPublicPackages as readonly string[]).includes(pkg.name))
    .map((pkg) => pkg.name);
  for (let changed = true; changed; ) {
    const kept = names.filter((name) =>
      packages.find((pkg) => pkg.name === name)?.dependsOn.every((dependency) => names.includes(dependency)),
    );
    changed = kept.length !== names.length;
    names = kept;
  }
  return names;
}
