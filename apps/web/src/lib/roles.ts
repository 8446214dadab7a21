export const ROLES = ['viewer', 'editor', 'owner'] as const;
export type Role = (typeof ROLES)[number];

const ROLE_RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

/** Whether `role` is at least `required` in viewer < editor < owner. Only hides controls; the API enforces. */
export function hasRole(role: Role | undefined, required: Role): boolean {
  return role !== undefined && ROLE_RANK[role] >= ROLE_RANK[required];
}

export const ROLE_LABELS: Record<Role, string> = { viewer: 'Viewer', editor: 'Editor', owner: 'Owner' };
