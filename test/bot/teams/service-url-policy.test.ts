// Which service URLs replies may go to, and which callers emulator mode takes.
import { describe, expect, it } from 'vitest';
import { createServiceUrlPolicy, isLoopbackAddress } from '../../../src/bot/teams/service-url-policy.ts';

describe('Teams serviceUrl policy', () => {
  const SMBA = 'https://smba.trafficmanager.net/amer/a1b2c3d4/';

  it('permits the service URL a verified token names, whatever the allowlist says', () => {
    const policy = createServiceUrlPolicy({ allowlist: undefined, emulator: false });
    expect(policy.permits(SMBA, 'https://SMBA.trafficmanager.net/amer/a1b2c3d4')).toBe(true);
    expect(policy.permits(SMBA, 'https://smba.trafficmanager.net/emea/a1b2c3d4/')).toBe(false);
    expect(policy.permits(SMBA)).toBe(false);
  });

  it('permits allowlisted prefixes on a path boundary and the same origin only', () => {
    const policy = createServiceUrlPolicy({
      allowlist: 'https://smba.trafficmanager.net/amer/, http://127.0.0.1:3978',
      emulator: false,
    });
    expect(policy.permits(SMBA)).toBe(true);
    expect(policy.permits('https://smba.trafficmanager.net/americas/x/')).toBe(false);
    expect(policy.permits('https://smba.trafficmanager.net.evil.example/amer/x/')).toBe(false);
    expect(policy.permits('http://smba.trafficmanager.net/amer/x/')).toBe(false);
    expect(policy.permits('http://127.0.0.1:3978/')).toBe(true);
    expect(policy.permits('http://127.0.0.1:3979/')).toBe(false);
    expect(policy.permits('not a url')).toBe(false);
  });

  it('in emulator mode without an allowlist, permits loopback service URLs only', () => {
    const policy = createServiceUrlPolicy({ allowlist: undefined, emulator: true });
    expect(policy.permits('http://localhost:56789/')).toBe(true);
    expect(policy.permits('http://127.0.0.1:56789/')).toBe(true);
    expect(policy.permits('http://[::1]:56789/')).toBe(true);
    expect(policy.permits(SMBA)).toBe(false);
    expect(createServiceUrlPolicy({ allowlist: SMBA, emulator: true }).permits('http://localhost:1/')).toBe(
      false,
    );
  });

  it('knows loopback caller addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'].map(isLoopbackAddress)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['10.0.0.1', '::ffff:10.0.0.1', '1270.0.0.1', '', undefined].map(isLoopbackAddress)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
