// The Petpooja client against the local fake: ranges, dedupe of the D/D-1 overlap, and errors without secrets.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPetpoojaClient, petpoojaSettings } from '../../../src/core/pos/petpooja-client.ts';
import { type FakePetpooja, PETPOOJA_CREDENTIALS, startFakePetpooja } from '../../fakes/petpooja.ts';

const SECRETS = [
  PETPOOJA_CREDENTIALS.PP_APP_KEY,
  PETPOOJA_CREDENTIALS.PP_APP_SECRET,
  PETPOOJA_CREDENTIALS.PP_ACCESS_TOKEN,
];

describe('Petpooja client', () => {
  let fake: FakePetpooja;
  beforeEach(async () => {
    fake = await startFakePetpooja();
  });
  afterEach(() => fake.close());
  const client = (overrides: Record<string, string> = {}) =>
    createPetpoojaClient(petpoojaSettings({ ...PETPOOJA_CREDENTIALS, PP_BASE_URL: fake.url, ...overrides }));

  it('fetches each day of the range and returns every order once', async () => {
    const { orders, rejected } = await client().fetchOrders('2025-04-03', '2025-04-05');
    expect(fake.requests).toEqual(['2025-04-03', '2025-04-04', '2025-04-05']);
    expect(orders.map((o) => o.Order.orderID)).toEqual(['201', '202', '203']);
    expect(rejected).toBe(0);
  });

  it('drops orders Petpooja returns from the day before the range', async () => {
    const { orders } = await client().fetchOrders('2025-04-05', '2025-04-05');
    expect(orders).toEqual([]);
  });

  it('counts orders it cannot read instead of storing them', async () => {
    fake.orders = [
      ...fake.orders,
      { Order: { orderID: 9, created_on: '2025-04-04 12:00:00' }, OrderItem: [{ name: '' }] },
    ];
    const { orders, rejected } = await client().fetchOrders('2025-04-04', '2025-04-04');
    expect(orders).toHaveLength(3);
    expect(rejected).toBe(1);
  });

  it.each([
    [
      'a wrong token',
      { PP_ACCESS_TOKEN: 'pptoken-wrong-wrong-wrong' },
      /Petpooja refused the request \(100: Invalid Token\.\)/,
    ],
    ['an unknown restaurant', { PP_MAPPING_CODE: 'nope' }, /restaurant mapping not found/],
  ])('reports %s as pos.failed, naming the keys to check and no secret', async (_, overrides, message) => {
    const err = (await client(overrides)
      .fetchOrders('2025-04-04', '2025-04-04')
      .catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ code: 'pos.failed', message: expect.stringMatching(message) });
    expect(err.message).toContain('PP_ACCESS_TOKEN');
    for (const secret of [...SECRETS, 'pptoken-wrong-wrong-wrong'])
      expect(JSON.stringify({ m: err.message, d: (err as { detail?: unknown }).detail })).not.toContain(
        secret,
      );
  });

  it('reports an HTTP failure and an unreachable server as pos.failed', async () => {
    fake.failWith = 503;
    await expect(client().fetchOrders('2025-04-04', '2025-04-04')).rejects.toMatchObject({
      code: 'pos.failed',
      message: expect.stringContaining('HTTP 503'),
    });
    await fake.close();
    await expect(client().fetchOrders('2025-04-04', '2025-04-04')).rejects.toMatchObject({
      code: 'pos.failed',
      message: expect.stringContaining('check PP_BASE_URL'),
    });
    fake = await startFakePetpooja();
  });

  it('refuses a reversed or overlong range before calling Petpooja', async () => {
    await expect(client().fetchOrders('2025-04-05', '2025-04-04')).rejects.toMatchObject({
      code: 'request.invalid',
    });
    await expect(client().fetchOrders('2025-01-01', '2025-12-31')).rejects.toMatchObject({
      code: 'request.invalid',
    });
    expect(fake.requests).toEqual([]);
  });
});

describe('petpoojaSettings', () => {
  it('names exactly the missing keys and never a value', () => {
    const err = (() => {
      try {
        petpoojaSettings({ PP_APP_KEY: PETPOOJA_CREDENTIALS.PP_APP_KEY, PP_MAPPING_CODE: 'cp81ghin' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toMatchObject({ code: 'pos.not_configured' });
    expect(err?.message).toBe(
      'Petpooja is not configured: set PP_APP_SECRET, PP_ACCESS_TOKEN (PATCH /config), then run this again.',
    );
  });

  it('defaults the base URL to Petpooja’s API', () => {
    expect(petpoojaSettings(PETPOOJA_CREDENTIALS).baseUrl).toBe('https://api.petpooja.com');
  });
});
