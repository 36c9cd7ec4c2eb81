/** Small `node:http` upstreams for the proxy's tests, each closed by the test that starts it. */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestUpstream {
  url: string;
  close(): Promise<void>;
}

export async function startUpstream(listener: RequestListener): Promise<TestUpstream> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A Voucherify request with (made-up, test-only) credentials the reports must never show. */
export const secretHeaders = {
  'X-App-Id': 'app-id-SECRET-1f4e',
  'X-App-Token': 'app-token-SECRET-9a7c',
};
export const secretMewsTokens = { ClientToken: 'client-SECRET-77aa', AccessToken: 'access-SECRET-42bb' };
