/**
 * The validating proxy's added latency: one GET of a customer straight to a mock and the same GET through a
 * proxy (`vouchspec-mock --proxy`) in front of that mock, alternating in random order request by request, so
 * both see the same machine at the same moment. Each is a process of its own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCustomer } from '../hardening/customers.js';
import { startMock, timedGet } from '../hardening/mocks.js';
import { quantile } from '../hardening/stats.js';

export interface LatencyResult {
  rounds: number;
  direct: { p50: number; p99: number };
  proxied: { p50: number; p99: number };
  /** Of the per-round differences, proxied − direct. */
  added: { p50: number; p99: number };
}

export async function proxyLatency(rounds: number, warmup: number): Promise<LatencyResult> {
  const reports = await mkdtemp(join(tmpdir(), 'vouchspec-proxy-bench-'));
  const mock = await startMock('upstream');
  const proxy = await startMock('proxy', ['--proxy', mock.url, '--report-dir', reports]).catch(
    async (error) => {
      await mock.stop();
      throw error;
    },
  );
  try {
    const path = '/v1/customers/bench-latency';
    await createCustomer(mock, { source_id: 'bench-latency' }, 'the customer read');
    const direct: number[] = [];
    const proxied: number[] = [];
    for (let round = 0; round < warmup + rounds; round++) {
      const proxyFirst = Math.random() < 0.5;
      const first = await timedGet(proxyFirst ? proxy : mock, path);
      const second = await timedGet(proxyFirst ? mock : proxy, path);
      if (round < warmup) continue;
      direct.push(proxyFirst ? second : first);
      proxied.push(proxyFirst ? first : second);
    }
    const added = proxied.map((ms, index) => ms - (direct[index] as number));
    const at = (values: number[]) => ({ p50: quantile(values, 0.5), p99: quantile(values, 0.99) });
    return { rounds, direct: at(direct), proxied: at(proxied), added: at(added) };
  } finally {
    await proxy.stop();
    await mock.stop();
    await rm(reports, { recursive: true, force: true });
  }
}
