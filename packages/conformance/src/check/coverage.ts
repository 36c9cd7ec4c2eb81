/**
 * Which spec operations a pact exercises: every interaction is mapped to its operation by method and path,
 * and its description must name that operation (`getWebhook: …`). The gate needs a success (2xx) and an
 * error (4xx) interaction for every operation the bundles list.
 */
import { type ApiId, listOperations, operationRouter } from '@vouchspec/spec';
import type { PactDocument } from '../types.js';

export interface OperationCoverage {
  provider: ApiId;
  operationId: string;
  method: string;
  path: string;
  interactions: string[];
  /** The response statuses the interactions expect, ascending. */
  statuses: number[];
  success: number;
  errors: number;
}

export interface CoverageReport {
  operations: OperationCoverage[];
  /** Interactions that match no operation, or whose description names another one. */
  problems: string[];
}

export function coverageOf(provider: ApiId, pact: PactDocument): CoverageReport {
  const operations = new Map(
    listOperations(provider).map((op) => [
      op.operationId,
      {
        provider,
        operationId: op.operationId,
        method: op.method.toUpperCase(),
        path: op.path,
        interactions: [] as string[],
        statuses: [] as number[],
        success: 0,
        errors: 0,
      },
    ]),
  );
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const interaction of pact.interactions) {
    const { description, request, response } = interaction;
    if (seen.has(description))
      problems.push(`"${description}" is the description of more than one interaction`);
    seen.add(description);
    const op = operationRouter(provider).find(request.method, request.path)?.operation;
    if (!op) {
      problems.push(`"${description}" (${request.method} ${request.path}) matches no ${provider} operation`);
      continue;
    }
    const named = description.split(':')[0];
    if (named !== op.operationId) {
      problems.push(`"${description}" exercises ${op.operationId} but its description names "${named}"`);
      continue;
    }
    const row = operations.get(op.operationId);
    if (!row) continue;
    row.interactions.push(description);
    if (!row.statuses.includes(response.status)) row.statuses.push(response.status);
    row.statuses.sort((a, b) => a - b);
    if (response.status >= 200 && response.status < 300) row.success++;
    else if (response.status >= 400 && response.status < 500) row.errors++;
  }
  return { operations: [...operations.values()], problems };
}

/** Why the coverage gate fails, one line per gap; empty when every operation is covered. */
export function coverageGaps(report: CoverageReport): string[] {
  const gaps = [...report.problems];
  for (const row of report.operations) {
    if (row.success === 0) gaps.push(`${row.provider} ${row.operationId} has no success interaction`);
    if (row.errors === 0) gaps.push(`${row.provider} ${row.operationId} has no error interaction`);
  }
  return gaps;
}
