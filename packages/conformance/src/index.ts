/**
 * The vouchspec conformance suite as a library: verify the recorded contract (the pacts shipped in this
 * package, or your own) against the embedded mock server or a real account, and get the report.
 */
export { type CliOptions, exitCodes, runCli } from './cli.js';
export {
  ConfigError,
  type Environment,
  environmentVariables,
  type RealTargetConfig,
  realTargets,
} from './config.js';
export { findPacts, readPact, shippedPactsDir } from './pacts.js';
export { type PreflightResult, preflight, TargetUnavailable } from './preflight/preflight.js';
export type { ConformanceReport, OperationRow, TargetSummary } from './report/build-report.js';
export { type ConformanceOptions, type ConformanceOutcome, runConformance } from './run-conformance.js';
export type { InteractionResult, PactDocument, Verdict } from './types.js';
