import { ROLES } from '@raisin/db';
import { z } from 'zod';
import { emailSchema, idSchema, userIdSchema, versionSchema } from './common';

export const roleSchema = z.enum(ROLES);

export const workspaceNameSchema = z.string().trim().min(1).max(80);

export const createWorkspaceInput = z.object({ name: workspaceNameSchema });

export const renameWorkspaceInput = z.object({ name: workspaceNameSchema, version: versionSchema });

export const changeRoleInput = z.object({ userId: userIdSchema, role: roleSchema });

export const createInvitationInput = z.object({ email: emailSchema, role: roleSchema });

export const revokeInvitationInput = z.object({ invitationId: idSchema });

// Tokens are 43 base64url characters; the bound only keeps junk out.
export const invitationTokenInput = z.object({ token: z.string().min(1).max(256) });

export const auditListInput = z.object({ limit: z.number().int().min(1).max(200).optional() });
