/** The report files CI systems read, each written whole (through a temporary file and a rename) or not at all. */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConformanceReport } from './build-report.js';
import { toJunit } from './junit.js';
import { toMarkdown } from './markdown.js';

/** Writes `conformance.json`, `junit.xml` and `conformance.md`, each through a temporary file and a rename. */
export async function writeReports(
  dir: string,
  report: ConformanceReport,
  redact: (text: string) => string,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [
    ['conformance.json', `${JSON.stringify(report, null, 2)}\n`],
    ['junit.xml', toJunit(report)],
    ['conformance.md', toMarkdown(report)],
  ];
  const written: string[] = [];
  for (const [name, content] of files) {
    const file = join(dir, name);
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, redact(content));
    await rename(temporary, file);
    written.push(file);
  }
  return written;
}
