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
export { type ConformanceOptions, type ConformanceOutcome, runConformance } from './conformance.js';
export { findPacts, shippedPactsDir } from './pacts.js';
export { type PreflightResult, preflight, TargetUnavailable } from './preflight.js';
export type { ConformanceReport, OperationRow, TargetSummary } from './reports.js';
export { type InteractionResult, type PactDocument, readPact, type Verdict } from './verify.js';
