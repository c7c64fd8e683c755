// Who a question or a row belongs to: every business query is scoped by org and location.

export interface Scope {
  orgId: string;
  locationId: string;
}

export const DEFAULT_SCOPE: Scope = { orgId: 'cafe_001', locationId: 'tiruppur_main' };
