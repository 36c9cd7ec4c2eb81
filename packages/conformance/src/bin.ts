#!/usr/bin/env node
/** The `vouchspec-conformance` bin. */
import { runCli } from './cli.js';

process.exitCode = await runCli(process.argv.slice(2));
