/**
 * Type-checks code samples against `@vouchspec/client` with the TypeScript compiler, in memory: each sample
 * is a module at a virtual path inside this package, so `@vouchspec/client` resolves as it would for a user.
 */
import { join } from 'node:path';
import ts from 'typescript';

export interface SampleSource {
  /** A name for messages, e.g. `voucherify/getCustomer`. */
  name: string;
  source: string;
}

export interface SampleError {
  name: string;
  line: number;
  message: string;
}

const packageDir = new URL('..', import.meta.url).pathname;

/** The options a user of the client would have: strict, ESM, Node types, top-level await. */
const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  strict: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  skipLibCheck: true,
  isolatedModules: true,
};

export function typeCheckSamples(samples: SampleSource[]): SampleError[] {
  const files = new Map(
    samples.map((sample) => [join(packageDir, '.samples', `${sample.name}.ts`), sample] as const),
  );
  const host = ts.createCompilerHost(compilerOptions);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => files.get(file)?.source ?? readFile(file);
  host.fileExists = (file) => files.has(file) || fileExists(file);
  host.getSourceFile = (file, language, onError, create) => {
    const sample = files.get(file);
    return sample
      ? ts.createSourceFile(file, sample.source, language, true, ts.ScriptKind.TS)
      : getSourceFile(file, language, onError, create);
  };
  host.directoryExists = (directory) =>
    directory === join(packageDir, '.samples') || ts.sys.directoryExists(directory);
  const program = ts.createProgram(
    [...files.keys()],
    { ...compilerOptions, typeRoots: [join(packageDir, 'node_modules/@types')] },
    host,
  );
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const sample = diagnostic.file ? files.get(diagnostic.file.fileName) : undefined;
    const line =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1
        : 0;
    return {
      name: sample?.name ?? diagnostic.file?.fileName ?? '(program)',
      line,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    };
  });
}
