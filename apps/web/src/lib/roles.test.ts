import { describe, expect, it } from 'vitest';
import { hasRole, ROLES } from './roles';

describe('hasRole', () => {
  it('orders roles viewer < editor < owner', () => {
    const table = ROLES.map((role) => ROLES.map((required) => hasRole(role, required)));
    expect(table).toEqual([
      [true, false, false],
      [true, true, false],
      [true, true, true],
    ]);
  });

  it('grants nothing without a role', () => {
    expect(hasRole(undefined, 'viewer')).toBe(false);
  });
});
