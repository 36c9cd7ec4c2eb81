/** The run's outcome as Markdown, for a CI summary or a pull request comment. */
import { markdownTable } from 'markdown-table';
import type { ConformanceReport, TargetSummary } from './build-report.js';
import { operationCells, operationHeader } from './console.js';

const targetKinds: Record<TargetSummary['kind'], string> = {
  'embedded mock': 'embedded mock server',
  mock: 'vouchspec mock server',
  real: 'real server',
};

export function toMarkdown(report: ConformanceReport): string {
  const { totals } = report;
  const failures = report.interactions.filter((r) => r.verdict === 'failed');
  const skipped = report.interactions.filter((r) => r.verdict === 'skipped');
  const sections = [
    `# vouchspec conformance: ${report.headline}`,
    `${report.generatedAt} · ${(report.durationMs / 1000).toFixed(1)} s`,
    markdownTable([
      ['provider', 'target', 'base URL'],
      ...report.targets.map((t) => [t.provider, targetKinds[t.kind], t.baseUrl || '—']),
    ]),
  ];
  if (report.status === 'errored' && report.interactions.length === 0)
    return `${[...sections, 'The run stopped before any interaction was verified.'].join('\n\n')}\n`;
  sections.push(
    markdownTable(
      [
        ['operations covered', 'interactions', 'passed', 'failed', 'skipped', 'spec mismatches'],
        [
          `${totals.covered}/${totals.operations}`,
          totals.interactions,
          totals.passed,
          totals.failed,
          totals.skipped,
          totals.specMismatches,
        ].map(String),
      ],
      { align: ['l', 'r', 'r', 'r', 'r', 'r'] },
    ),
    '## Operations',
    markdownTable([operationHeader, ...report.operations.map((row) => operationCells(row).map(String))], {
      align: ['l', 'l', 'r', 'r', 'r', 'r', 'l'],
    }),
  );
  if (report.coverageGaps.length > 0)
    sections.push('## Coverage gaps', report.coverageGaps.map((gap) => `- ${gap}`).join('\n'));
  if (report.specMismatches.length > 0)
    sections.push(
      '## Spec mismatches',
      report.specMismatches
        .map((m) => `- **${m.interaction}**: ${m.code} ${m.message} (\`${m.location}\`)`)
        .join('\n'),
    );
  if (failures.length > 0)
    sections.push(
      '## Failures',
      failures
        .map(
          (r) =>
            `### ${r.description}\n\n${r.method} ${r.path} → ${r.status}\n\n\`\`\`\n${r.log ?? r.reason ?? ''}\n\`\`\``,
        )
        .join('\n\n'),
    );
  if (skipped.length > 0)
    sections.push('## Skipped', skipped.map((r) => `- ${r.description}: ${r.reason ?? ''}`).join('\n'));
  return `${sections.join('\n\n')}\n`;
}
