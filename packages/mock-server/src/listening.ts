/**
 * What to print once the mock listens: a URL that works from this machine, what is really bound (binding
 * 0.0.0.0 and printing http://127.0.0.1 hid that every interface was open), and a warning when other
 * machines can reach it.
 */
import { BlockList, isIP } from 'node:net';

export interface ListeningDescription {
  /** A base URL that reaches the mock from this machine. */
  url: string;
  /** What is actually bound, for "listening on …". */
  where: string;
  /** One line, present only when the bound address is not loopback. */
  warning?: string;
}

// BlockList also matches IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) against the IPv4 subnet.
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/**
 * `host` as given to `listen` (an address, `localhost`, another name, or '' for Node's default), `port` the
 * one actually bound (not 0).
 */
export function describeListening(host: string, port: number): ListeningDescription {
  let address = host.trim();
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  const family = isIP(address);

  if (address === '' || address === '0.0.0.0' || (family === 6 && isUnspecified6(address))) {
    // Node binds '' as `::` when the machine has IPv6, else 0.0.0.0; `::` is dual-stack (Node does not set
    // ipv6Only), so 127.0.0.1 answers in every case.
    const ipv4Only = address === '0.0.0.0';
    const url = `http://${address === '' || ipv4Only ? '127.0.0.1' : '[::1]'}:${port}`;
    const bound =
      address === ''
        ? 'every interface (no host given)'
        : ipv4Only
          ? `every IPv4 interface (0.0.0.0:${port})`
          : `every IPv6 and IPv4 interface ([${address}]:${port})`;
    return {
      url,
      where: `${bound}, from this machine ${url}`,
      warning: warning(ipv4Only ? 'every IPv4 interface' : 'every interface'),
    };
  }

  if (family !== 0) {
    // A zone index (fe80::1%eth0) must be written %25 in a URL.
    const url = `http://${family === 6 ? `[${address.replace('%', '%25')}]` : address}:${port}`;
    return isLoopback(address, family)
      ? { url, where: url }
      : { url, where: url, warning: warning(`${address}, which is not a loopback address`) };
  }

  const url = `http://${address}:${port}`;
  if (address.toLowerCase() === 'localhost') return { url, where: url };
  return {
    url,
    where: `${url} (the address "${address}" resolves to)`,
    warning: warning(`the address "${address}" resolves to, which is not known to be loopback`),
  };
}

function isUnspecified6(address: string): boolean {
  try {
    return new URL(`http://[${address}]/`).hostname === '[::]';
  } catch {
    return false;
  }
}

function isLoopback(address: string, family: number): boolean {
  try {
    return loopback.check(address, family === 6 ? 'ipv6' : 'ipv4');
  } catch {
    // An address BlockList cannot read (with a zone index, say) is not one of ours.
    return false;
  }
}

function warning(bound: string): string {
  return (
    `Listening on ${bound}, so other machines can reach this mock: by default it accepts the public ` +
    'placeholder credentials, and its admin endpoints can read and reset all data (they accept only IP ' +
    'addresses and localhost as Host, but anyone on the network can use an IP address); bind 127.0.0.1 ' +
    'unless that is intended.'
  );
}
