/**
 * The packages users get from a registry, used in someone else's project. The global setup (setup.ts) has
 * published the workspace's public packages to a local Verdaccio and installed them with npm into a fresh
 * project under the OS's temp dir; each check below uses that project as a user would, and each reports every
 * problem it finds, with the command, its exit code and the end of its output.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, inject, it } from 'vitest';
import {
  conformanceReportProblems,
  expectedOperations,
  fail,
  lastLine,
  lineOf,
  minimumInteractions,
  parseJson,
  reportProblems,
  type SpecBundle,
  scriptProblems,
  typeErrors,
} from './checks.js';
import type { OutsideRun } from './context.js';
import { expectedPublicPackages } from './packages.js';
import {
  describeRun,
  freePort,
  indent,
  outsideEnv,
  run,
  type Server,
  startServer,
  tail,
} from './processes.js';
import { projectBin } from './project.js';

const outside: OutsideRun = inject('outside');
const env = outsideEnv(outside.workspaceRoot);

let started = 0;
beforeEach(() => {
  started = performance.now();
});
afterEach((context) => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`[outside-consumer] ${context.task.name}: ${seconds} s`);
});

it('publishes exactly the public packages, each with only what a user needs', () => {
  const problems = [...outside.setupProblems];
  const publicNames = outside.workspacePackages.filter((pkg) => !pkg.private).map((pkg) => pkg.name);
  const expected = [...expectedPublicPackages];
  const missing = expected.filter((name) => !publicNames.includes(name));
  const extra = publicNames.filter((name) => !(expected as string[]).includes(name));
  if (missing.length > 0 || extra.length > 0)
    problems.push(
      `The workspace's public packages (package.json without "private": true) are [${publicNames.join(', ')}]; ` +
        `expected exactly [${expected.join(', ')}]` +
        (missing.length > 0 ? `; not public: ${missing.join(', ')}` : '') +
        (extra.length > 0 ? `; public but not expected: ${extra.join(', ')}` : ''),
    );
  for (const name of expected)
    if (!outside.packages.some((pkg) => pkg.name === name))
      problems.push(`${name}: no such package in the workspace`);
  for (const pkg of outside.packages) problems.push(...pkg.problems);
  reportProblems(problems);
});

it('runs with ESM import and CJS require against the installed mock server', async () => {
  const projectDir = useProject();
  const problems: string[] = [];
  const mock = await startInstalledMock(projectDir);
  try {
    if (mock.problem) problems.push(mock.problem);
    // Without a mock the scripts still run (against a closed port): a client that cannot even be loaded or
    // constructed is a failure of its own, worth reporting next to the missing mock.
    const url = mock.url ?? `http://127.0.0.1:${await freePort()}`;
    for (const script of ['esm.mjs', 'cjs.cjs']) {
      const result = await run(process.execPath, [script, url], { cwd: projectDir, env, timeoutMs: 60_000 });
      problems.push(...scriptProblems(script, result));
    }
  } finally {
    await mock.server?.stop();
  }
  reportProblems(problems);
});

it('type-checks against the published declarations (node16 ESM and CJS, bundler; strict, skipLibCheck off)', async () => {
  const projectDir = useProject();
  const problems = notInstalled(['@vouchspec/client', '@vouchspec/mock-server', '@vouchspec/spec']);
  const tsc = (config: string) =>
    run(projectBin(projectDir, 'tsc'), ['--noEmit', '--pretty', 'false', '-p', config], {
      cwd: projectDir,
      env,
      timeoutMs: 180_000,
    });

  // Two at a time: each is a separate tsc process, and checking the declarations is most of their time.
  const configs = ['tsconfig.node16.json', 'tsconfig.bundler.json'];
  const checked = await Promise.all(configs.map(async (config) => ({ config, result: await tsc(config) })));
  for (const { config, result } of checked)
    if (result.code !== 0) problems.push(`${config} does not type-check: ${typeErrors(result)}`);

  // Each wrong file alone must fail, at the line of its mistake: the types catch it where the user made it.
  // Their configs skip the declarations' own check (the two above did it), so they only time the user code.
  const wrongFiles = [
    { file: 'wrong-path-param.ts', mistake: 'customerID' },
    { file: 'wrong-body-type.ts', mistake: 'email: 42' },
  ];
  const compiled = await Promise.all(
    wrongFiles.map(async (wrong) => ({
      ...wrong,
      line: lineOf(join(projectDir, wrong.file), wrong.mistake),
      result: await tsc(`tsconfig.${wrong.file.replace(/\.ts$/, '')}.json`),
    })),
  );
  for (const { file, mistake, line, result } of compiled) {
    const at = new RegExp(`^${file.replace(/\./g, '\\.')}\\(${line},\\d+\\): error TS\\d+`, 'm');
    if (result.code === 0)
      problems.push(`${file} compiles, but its \`${mistake}\` (line ${line}) must be a type error`);
    else if (!at.test(result.output))
      problems.push(
        `${file}: expected a type error at line ${line} (\`${mistake}\`), but: ${describeRun(result, 20)}`,
      );
  }
  reportProblems(problems);
});

it("runs the user's own vitest suite with the mock server started in-process", async () => {
  const projectDir = useProject();
  reportProblems(notInstalled(['@vouchspec/client', '@vouchspec/mock-server']));
  const resultsFile = join(projectDir, 'vitest-results.json');
  const result = await run(
    projectBin(projectDir, 'vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`],
    { cwd: projectDir, env, timeoutMs: 180_000 },
  );
  const problems: string[] = [];
  if (result.code !== 0) problems.push(`The project's vitest run failed: ${describeRun(result)}`);
  else if (!existsSync(resultsFile)) problems.push(`vitest wrote no ${resultsFile}: ${describeRun(result)}`);
  else {
    const report = JSON.parse(readFileSync(resultsFile, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    if (report.numPassedTests < 1 || report.numFailedTests > 0)
      problems.push(
        `vitest reported ${report.numPassedTests} passed and ${report.numFailedTests} failed tests: ${describeRun(result)}`,
      );
  }
  reportProblems(problems);
});

it('passes the conformance suite (npx vouchspec-conformance) against its embedded mock', async () => {
  const projectDir = useProject();
  reportProblems(notInstalled(['@vouchspec/conformance']));
  // --no: never let npx download a package of that name if the installed bin is missing; `--`: the options
  // after it are the bin's, not npx's own (`npx vouchspec-conformance --help` prints npm's help).
  const help = await run('npx', ['--no', '--', 'vouchspec-conformance', '--help'], {
    cwd: projectDir,
    env,
    timeoutMs: 120_000,
  });
  if (help.code !== 0) reportProblems([`vouchspec-conformance --help failed: ${describeRun(help)}`]);
  const result = await run(
    'npx',
    ['--no', '--', 'vouchspec-conformance', '--out', join(projectDir, 'reports')],
    {
      cwd: projectDir,
      env,
      timeoutMs: 240_000,
    },
  );

  const problems: string[] = [];
  if (result.code !== 0) problems.push(`The conformance suite failed: ${describeRun(result)}`);
  const summary =
    /Interactions:\s*(\d+)\D+?(\d+) passed,\s*(\d+) failed/.exec(result.output)?.slice(1).map(Number) ?? [];
  const [total, passed, failed] = summary;
  if (total === undefined || passed === undefined || failed === undefined)
    problems.push(`No "Interactions: N — P passed, F failed" summary in: ${describeRun(result)}`);
  else if (passed < minimumInteractions || failed !== 0 || passed !== total)
    problems.push(
      `Expected all of at least ${minimumInteractions} interactions to pass; the summary says ${total} — ${passed} passed, ${failed} failed: ${describeRun(result)}`,
    );
  problems.push(...conformanceReportProblems(result, passed));
  reportProblems(problems);
}, 420_000);

it('ships both spec bundles, as JSON and YAML, that load with require and pass redocly lint', async () => {
  const projectDir = useProject();
  reportProblems(notInstalled(['@vouchspec/spec']));
  const result = await run(process.execPath, ['spec.cjs'], { cwd: projectDir, env, timeoutMs: 60_000 });
  if (result.code !== 0) reportProblems([`Loading the bundles failed: ${describeRun(result)}`]);
  const bundles = parseJson<SpecBundle[]>(lastLine(result.stdout)) ?? [];
  if (bundles.length !== 2) reportProblems([`spec.cjs did not print both bundles: ${describeRun(result)}`]);

  const problems: string[] = [];
  for (const bundle of bundles) {
    if (typeof bundle.openapi !== 'string' || !bundle.openapi.startsWith('3.1'))
      problems.push(`${bundle.api}.json: openapi is ${JSON.stringify(bundle.openapi)}, expected 3.1.x`);
    if (!bundle.yamlPath || !existsSync(bundle.yamlPath))
      problems.push(`@vouchspec/spec/${bundle.api}.yaml does not resolve: ${bundle.yamlError ?? 'no file'}`);
  }
  const operations = bundles.reduce((sum, bundle) => sum + bundle.operations, 0);
  if (operations !== expectedOperations)
    problems.push(
      `The bundles hold ${operations} operations (${bundles.map((b) => `${b.api} ${b.operations}`).join(', ')}); expected ${expectedOperations}`,
    );

  // The workspace's Redocly (this package's devDependency), run in the project so no repository config applies.
  const redocly = fileURLToPath(new URL('../node_modules/.bin/redocly', import.meta.url));
  const files = bundles.flatMap((bundle) => [bundle.jsonPath, bundle.yamlPath ?? []].flat());
  for (const file of files) {
    const lint = await run(redocly, ['lint', file, '--extends', 'recommended', '--format', 'stylish'], {
      cwd: projectDir,
      env: { ...env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      timeoutMs: 120_000,
    });
    if (lint.code !== 0 || /^\s*\d+:\d+\s+error\s/m.test(lint.output))
      problems.push(`redocly lint of the installed ${file} failed: ${describeRun(lint)}`);
  }
  reportProblems(problems);
});

/** The installed project, or a failed check that says why there is none. */
function useProject(): string {
  if (outside.setupProblems.length > 0 || !outside.projectDir)
    fail(['No project to check.', ...outside.setupProblems]);
  return outside.projectDir;
}

/** Why each of these packages is missing from the project (they could not be published). */
function notInstalled(names: string[]): string[] {
  return names
    .filter((name) => !outside.installed.includes(name))
    .map((name) => {
      const pkg = outside.packages.find((candidate) => candidate.name === name);
      const why = !pkg
        ? 'the workspace has no such package'
        : pkg.published
          ? `it needs ${pkg.dependsOn.filter((dependency) => !outside.installed.includes(dependency)).join(', ')}, which could not be installed`
          : pkg.private
            ? 'it is "private": true, so it was not published'
            : 'it could not be published (see the publish check)';
      return `${name} is not installed in the project: ${why}.`;
    });
}

interface InstalledMock {
  server?: Server;
  url?: string;
  problem?: string;
}

/** The project's `vouchspec-mock` bin on a free port; its URL as it prints it. */
async function startInstalledMock(projectDir: string): Promise<InstalledMock> {
  const bin = projectBin(projectDir, 'vouchspec-mock');
  if (!existsSync(bin))
    return {
      problem: `The project has no node_modules/.bin/vouchspec-mock. ${notInstalled(['@vouchspec/mock-server']).join(' ') || '@vouchspec/mock-server declares no such bin.'}`,
    };
  const server = startServer(bin, ['--port', '0', '--quiet'], { cwd: projectDir, env });
  let exited = false;
  void server.exited.then(() => {
    exited = true;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(server.output())?.[1];
    if (url) return { server, url };
    if (exited) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    server,
    problem: `\`${bin} --port 0 --quiet\` ${exited ? 'exited' : 'printed no "listening on http://127.0.0.1:<port>" line within 60 s'}; its output:\n${indent(tail(server.output()) || '(none)')}`,
  };
}
