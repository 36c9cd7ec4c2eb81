import { describe, expect, it } from 'vitest';
import { ConfigError, realTargets } from '../../src/config.js';
import { placeholders } from '../../src/credentials.js';

const voucherifyKeys = {
  VOUCHERIFY_APP_ID: 'app-id-1',
  VOUCHERIFY_APP_TOKEN: 'app-token-1',
  VOUCHERIFY_MANAGEMENT_ID: 'management-id-1',
  VOUCHERIFY_MANAGEMENT_TOKEN: 'management-token-1',
};
const mewsKeys = { MEWS_CLIENT_TOKEN: 'client-token-1', MEWS_ACCESS_TOKEN: 'access-token-1' };

describe('real-server configuration from the environment', () => {
  it('verifies against the embedded mock when nothing is configured', () => {
    expect(realTargets({}, ['voucherify', 'mews-connector'])).toEqual({});
  });

  it('takes a Voucherify cluster or base URL with all four keys, and lists the secrets', () => {
    const byCluster = realTargets({ VOUCHERIFY_CLUSTER: 'us1.api', ...voucherifyKeys }, ['voucherify']);
    expect(byCluster.voucherify?.baseUrl).toBe('https://us1.api.voucherify.io');
    expect(byCluster.voucherify?.credentials.voucherify).toMatchObject({
      'X-App-Id': 'app-id-1',
      'X-App-Token': 'app-token-1',
      'X-Management-Id': 'management-id-1',
      'X-Management-Token': 'management-token-1',
    });
    expect(byCluster.voucherify?.secrets.sort()).toEqual(Object.values(voucherifyKeys).sort());
    const byUrl = realTargets({ VOUCHERIFY_BASE_URL: 'http://localhost:9000/', ...voucherifyKeys }, [
      'voucherify',
    ]);
    expect(byUrl.voucherify?.baseUrl).toBe('http://localhost:9000');
  });

  it('takes a Mews platform address with both tokens', () => {
    const targets = realTargets({ MEWS_PLATFORM_ADDRESS: 'https://api.mews-demo.com', ...mewsKeys }, [
      'voucherify',
      'mews-connector',
    ]);
    expect(Object.keys(targets)).toEqual(['mews-connector']);
    expect(targets['mews-connector']?.credentials['mews-connector']).toEqual({
      ClientToken: 'client-token-1',
      AccessToken: 'access-token-1',
    });
  });

  it('names exactly what is missing or wrong', () => {
    const attempt = (env: Record<string, string>) => () => realTargets(env, ['voucherify', 'mews-connector']);
    expect(attempt({ VOUCHERIFY_CLUSTER: 'api', VOUCHERIFY_APP_ID: 'x' })).toThrow(
      'VOUCHERIFY_APP_TOKEN, VOUCHERIFY_MANAGEMENT_ID, VOUCHERIFY_MANAGEMENT_TOKEN are not set',
    );
    expect(attempt({ VOUCHERIFY_CLUSTER: 'mars', ...voucherifyKeys })).toThrow(
      /VOUCHERIFY_CLUSTER must be one of api, .*; got "mars"/,
    );
    expect(
      attempt({ VOUCHERIFY_CLUSTER: 'api', VOUCHERIFY_BASE_URL: 'https://x', ...voucherifyKeys }),
    ).toThrow('not both');
    expect(attempt({ VOUCHERIFY_BASE_URL: 'not a url', ...voucherifyKeys })).toThrow(
      'VOUCHERIFY_BASE_URL is not a URL',
    );
    expect(attempt({ ...voucherifyKeys })).toThrow('neither VOUCHERIFY_BASE_URL nor VOUCHERIFY_CLUSTER');
    expect(attempt({ MEWS_ACCESS_TOKEN: 'a' })).toThrow('MEWS_PLATFORM_ADDRESS is not');
    expect(attempt({ MEWS_PLATFORM_ADDRESS: 'ftp://x', ...mewsKeys })).toThrow('http(s) URL');
    expect(attempt({ MEWS_PLATFORM_ADDRESS: 'https://x', MEWS_ACCESS_TOKEN: 'a' })).toThrow(
      'MEWS_CLIENT_TOKEN is not set',
    );
    expect(attempt({ VOUCHERIFY_APP_ID: 'x' })).toThrow(ConfigError);
  });

  it('sends the placeholders to a server given without credentials, and needs one provider for --base-url', () => {
    const targets = realTargets({}, ['mews-connector'], 'http://127.0.0.1:4010');
    expect(targets['mews-connector']).toEqual({
      baseUrl: 'http://127.0.0.1:4010',
      credentials: placeholders,
      secrets: [],
    });
    expect(() => realTargets({}, ['voucherify', 'mews-connector'], 'http://x')).toThrow('single --provider');
  });
});
