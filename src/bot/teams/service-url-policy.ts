// Where Titan may send Teams replies: the serviceUrl a verified token vouches for, or one on TEAMS_SERVICE_URL_ALLOWLIST.
import { idList } from '../access.ts';

export interface ServiceUrlPolicy {
  /**
   * True when replies may go to `serviceUrl`: it matches the verified token's `serviceurl` claim, or starts
   * with an allowlisted URL; in emulator mode with no allowlist, only a loopback service URL is allowed.
   */
  permits(serviceUrl: string, verifiedClaim?: string): boolean;
}

/** A URL reduced to what identifies a service: lower-case origin and path, no trailing slash. */
function normalise(url: string): { origin: string; path: string } | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return { origin: u.origin.toLowerCase(), path: u.pathname.replace(/\/+$/, '').toLowerCase() };
  } catch {
    return undefined;
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for a caller address on this machine (IPv4 127/8, IPv6 ::1, or IPv4-mapped 127/8). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || /^127(\.\d{1,3}){3}$/.test(v4);
}

export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(url).hostname.toLowerCase());
  } catch {
    return false;
  }
}

export function createServiceUrlPolicy(options: {
  /** TEAMS_SERVICE_URL_ALLOWLIST as configured (comma-separated). */
  allowlist: string | undefined;
  /** No app id: requests are not signed, so nothing vouches for a service URL. */
  emulator: boolean;
}): ServiceUrlPolicy {
  const allowed = idList(options.allowlist).flatMap((entry) => normalise(entry) ?? []);
  const onAllowlist = (url: { origin: string; path: string }) =>
    allowed.some(
      (a) => a.origin === url.origin && (url.path === a.path || url.path.startsWith(`${a.path}/`)),
    );

  return {
    permits(serviceUrl, verifiedClaim) {
      const url = normalise(serviceUrl);
      if (!url) return false;
      const claim = verifiedClaim === undefined ? undefined : normalise(verifiedClaim);
      if (claim && claim.origin === url.origin && claim.path === url.path) return true;
      if (onAllowlist(url)) return true;
      return options.emulator && allowed.length === 0 && isLoopbackUrl(serviceUrl);
    },
  };
}
