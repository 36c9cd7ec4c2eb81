/**
 * Progress for `pnpm conformance` while it records: one line per consumer test file as it finishes, with
 * the interactions it recorded, and each failed test with its first error.
 */
import { basename } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export default class RecordingProgress implements Reporter {
  onTestModuleEnd(module: TestModule) {
    const tests = [...module.children.allTests()];
    const failed = tests.filter((test) => test.result().state === 'failed');
    const name = basename(module.moduleId).replace(/\.pact\.test\.ts$/, '');
    const seconds = (module.diagnostic().duration / 1000).toFixed(1);
    const ok = failed.length === 0 && module.ok();
    console.log(
      `${ok ? '✓' : '✗'} ${name}: ${tests.length - failed.length} of ${tests.length} interactions recorded (${seconds} s)`,
    );
    for (const test of failed)
      console.log(`  ✗ ${test.name}: ${test.result().errors?.[0]?.message?.split('\n')[0] ?? 'failed'}`);
    for (const error of module.errors()) console.log(`  ✗ ${error.message.split('\n')[0]}`);
  }
}
