import { BlockList, isIP } from 'node:net';
import { ConfigError } from '@liaison/platform';
import { isPublicAddress } from './public-address';

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

/**
 * Where webhooks may point. By default only `https` URLs whose host is, and resolves to, public
 * addresses: an admin's token must not become a way to reach the cloud metadata service or
 * internal hosts from inside the network. WEBHOOK_ALLOWED_HOSTS lists exceptions (host names,
 * addresses or CIDR ranges), for receivers on an internal network and for tests on 127.0.0.1;
 * for them plain `http` is allowed too.
 */
export class WebhookTargetPolicy {
  private constructor(
    private readonly hosts: ReadonlySet<string>,
    private readonly ranges: BlockList,
  ) {}

  static readonly PUBLIC_HTTPS_ONLY = WebhookTargetPolicy.parse(undefined);

  /** Comma-separated entries; a malformed one fails the boot, naming the variable. */
  static parse(raw: string | undefined, variable = 'WEBHOOK_ALLOWED_HOSTS'): WebhookTargetPolicy {
    const hosts = new Set<string>();
    const ranges = new BlockList();
    for (const entry of (raw ?? '').split(',').map((e) => e.trim().toLowerCase())) {
      if (entry === '') continue;
      const [address, bits] = entry.split('/');
      const family = isIP(address);
      if (bits !== undefined) {
        const prefix = Number(bits);
        const max = family === 4 ? 32 : 128;
        if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
          throw new ConfigError(variable, `has a malformed CIDR range "${entry}"`);
        }
        ranges.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
      } else if (family !== 0) {
        ranges.addAddress(address, family === 4 ? 'ipv4' : 'ipv6');
        hosts.add(address);
      } else if (HOST_NAME.test(entry)) {
        hosts.add(entry);
      } else {
        throw new ConfigError(
          variable,
          `has an entry that is no host, address or range: "${entry}"`,
        );
      }
    }
    return new WebhookTargetPolicy(hosts, ranges);
  }

  /** What is wrong with the URL as written, or undefined; its host's addresses are checked apart. */
  urlProblem(url: string): string | undefined {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return 'is not a URL';
    }
    const host = hostOf(parsed);
    const excepted = this.allowsHost(host);
    if (parsed.protocol !== 'https:' && !(excepted && parsed.protocol === 'http:')) {
      return 'must use https';
    }
    if (parsed.username || parsed.password) return 'must not carry credentials';
    if (isIP(host) !== 0) return this.addressProblem(host, host);
    return undefined;
  }

  /** What is wrong with connecting to `address` for `host`, or undefined. */
  addressProblem(host: string, address: string): string | undefined {
    if (isPublicAddress(address) || this.allowsHost(host) || this.allowsAddress(address)) {
      return undefined;
    }
    return `points to a non-public address (${address}); list it in WEBHOOK_ALLOWED_HOSTS to allow it`;
  }

  private allowsHost(host: string): boolean {
    return this.hosts.has(host.toLowerCase()) || (isIP(host) !== 0 && this.allowsAddress(host));
  }

  private allowsAddress(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.ranges.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }
}

/** The URL's host without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}
