// Sources from the live configuration: Drive only with a service account, rebuilt when the credential changes.
import { describe, expect, it } from 'vitest';
import type { ConfigValues } from '../../../../src/core/config/schema.ts';
import { createIngestSources } from '../../../../src/core/ingest/source/ingest-sources.ts';
import { SERVICE_ACCOUNT_JSON } from '../../../helpers/config-values.ts';

describe('ingest sources', () => {
  it('refuses Drive with a 409-style conflict saying how to configure it', async () => {
    const sources = createIngestSources({ config: () => ({}) });
    await expect(sources.drive()).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('GOOGLE_SERVICE_ACCOUNT_JSON'),
    });
    await expect(sources.serviceAccountEmail()).rejects.toMatchObject({ code: 'conflict' });
  });

  it('builds one Drive client per credential and endpoint, following PATCHed config', async () => {
    let config: ConfigValues = { GOOGLE_SERVICE_ACCOUNT_JSON: SERVICE_ACCOUNT_JSON };
    const sources = createIngestSources({ config: () => config });
    const first = await sources.drive();
    expect(first.kind).toBe('drive');
    expect(await sources.drive()).toBe(first);
    config = { ...config, DRIVE_ROOT_URL: 'http://127.0.0.1:9/' };
    expect(await sources.drive()).not.toBe(first);
    expect(await sources.serviceAccountEmail()).toBe('titan-test@demo-project.iam.gserviceaccount.com');
  });

  it('names the key when the service-account JSON is malformed, without echoing it', async () => {
    const sources = createIngestSources({
      config: () => ({ GOOGLE_SERVICE_ACCOUNT_JSON: '{"private_key":"s3cret"}' }),
    });
    const err = await sources.drive().then(
      () => new Error('expected a failure'),
      (e: unknown) => e as Error,
    );
    expect(err).toMatchObject({
      code: 'config.invalid',
      message: expect.stringContaining('GOOGLE_SERVICE_ACCOUNT_JSON'),
    });
    expect(err.message).not.toContain('s3cret');
  });

  it('reads the key file named by GOOGLE_APPLICATION_CREDENTIALS, or says it cannot', async () => {
    const sources = createIngestSources({
      config: () => ({ GOOGLE_APPLICATION_CREDENTIALS: '/nonexistent/key.json' }),
    });
    await expect(sources.serviceAccountEmail()).rejects.toMatchObject({
      code: 'config.invalid',
      message: expect.stringContaining('GOOGLE_APPLICATION_CREDENTIALS'),
    });
  });
});
