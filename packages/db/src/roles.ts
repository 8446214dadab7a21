/** Workspace roles, lowest to highest: each role can do everything the ones before it can. */
export const ROLES = ['viewer', 'editor', 'owner'] as const;

export type Role = (typeof ROLES)[number];

/** True when `role` grants at least what `minimum` grants (viewer < editor < owner). */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
