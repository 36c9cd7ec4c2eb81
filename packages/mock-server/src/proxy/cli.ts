/** `vouchspec-mock --proxy <upstream>`: the validating proxy's options, help text and run until interrupted. */
import { type ApiId, apiIds } from '@vouchspec/spec';
import { startValidatingProxy } from './start.js';

export const proxyOptions = {
  proxy: { type: 'string' },
  'report-dir': { type: 'string' },
  'upstream-timeout-ms': { type: 'string' },
  api: { type: 'string' },
} as const;

export const proxyUsage = `
Validating proxy (instead of serving the mock):
  --proxy <url>         Forward every request unchanged to this upstream (a sandbox, or a mock) and check each
                        exchange against the spec; the answer gains a Vouchspec-Drift header (violations: count)
  --report-dir <dir>    Where the drift report (drift.json, drift.md, drift-junit.xml) is written on exit and on
                        POST /__proxy/report (default ./vouchspec-drift); GET /__proxy/report returns it
  --upstream-timeout-ms <n>
                        How long the upstream may take before the caller gets a 504 (default 30000)
  --api <name>          voucherify, mews-connector or auto (default: by path, as the mock does)
  --port, --host and --quiet apply; credentials pass through and are redacted from every report and log line.`;

export interface ProxyCliValues {
  proxy: string;
  'report-dir'?: string;
  'upstream-timeout-ms'?: string;
  api?: string;
}

export async function runProxy(
  values: ProxyCliValues,
  listen: { port: number; host: string; quiet: boolean },
): Promise<void> {
  const timeout = Number(values['upstream-timeout-ms'] ?? '30000');
  if (!Number.isInteger(timeout) || timeout < 1)
    throw new Error(
      `Invalid --upstream-timeout-ms "${values['upstream-timeout-ms']}": use a whole number from 1`,
    );
  const api = values.api ?? 'auto';
  if (api !== 'auto' && !apiIds.includes(api as ApiId))
    throw new Error(`Invalid --api "${api}": use ${[...apiIds, 'auto'].join(', ')}`);
  const reportDir = values['report-dir'] ?? 'vouchspec-drift';
  const proxy = await startValidatingProxy({
    upstream: values.proxy,
    port: listen.port,
    host: listen.host,
    api: api as ApiId | 'auto',
    upstreamTimeoutMs: timeout,
    reportDir,
    onLog: listen.quiet ? undefined : (line) => console.log(line),
  });
  console.log(
    `vouchspec validating proxy listening on ${proxy.where}, forwarding to ${proxy.report().upstream}; ` +
      `drift report in ${reportDir} on exit. Ctrl-C to stop.`,
  );
  if (proxy.warning)
    console.error(
      'warning: the proxy listens beyond loopback, so other machines can send requests through it to the upstream.',
    );
  const stop = () => {
    void proxy
      .writeReports()
      .then((files) => console.log(`drift report: ${files.join(', ')}`))
      .catch((error: Error) => console.error(`proxy: cannot write the drift report: ${error.message}`))
      .finally(() => proxy.close().then(() => process.exit(0)));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
