import { API_TOKEN_ROLES } from '@raisin/db';
import { z } from 'zod';
import { idSchema, timestampSchema } from './common';

export const apiTokenNameSchema = z.string().trim().min(1).max(80);

/** Editor or viewer: a token never carries the owner role. */
export const apiTokenRoleSchema = z.enum(API_TOKEN_ROLES);

export const createApiTokenInput = z.object({
  name: apiTokenNameSchema,
  role: apiTokenRoleSchema,
  /** When the token stops working; absent, it works until revoked. */
  expiresAt: timestampSchema.optional(),
});

export const revokeApiTokenInput = z.object({ tokenId: idSchema });
