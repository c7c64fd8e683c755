// The --org / --location options every business command takes, defaulting to cafe_001 / tiruppur_main.
import { z } from 'zod';
import { TitanError } from '../core/errors.ts';
import { DEFAULT_SCOPE, type Scope } from '../core/model/scope.ts';

export const SCOPE_OPTIONS = { org: { type: 'string' }, location: { type: 'string' } } as const;

const scopeId = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/);

export function parseScope(values: { org?: string | undefined; location?: string | undefined }): Scope {
  for (const [flag, value] of [
    ['--org', values.org],
    ['--location', values.location],
  ] as const) {
    if (value !== undefined && !scopeId.safeParse(value).success) {
      throw new TitanError('request.invalid', `${flag} must be 1–100 letters, digits, _ . or -.`);
    }
  }
  return {
    orgId: values.org ?? DEFAULT_SCOPE.orgId,
    locationId: values.location ?? DEFAULT_SCOPE.locationId,
  };
}
