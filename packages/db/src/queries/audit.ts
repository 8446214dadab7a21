import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { type AuditDetails, auditLog, user } from '../schema';

export interface AuditEntryInput {
  workspaceId: string | null;
  actorId: string | null;
  action: string;
  entityType:
    | 'workspace'
    | 'membership'
    | 'invitation'
    | 'project'
    | 'agreement_sample'
    | 'report_version'
    | 'report_share_link'
    | 'report_decision'
    | 'api_token';
  entityId: string;
  details?: AuditDetails;
}

/** Writes one audit row; mutations call it with their transaction so both commit or neither does. */
export async function writeAuditEntry(db: Db, entry: AuditEntryInput): Promise<void> {
  await db.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}

export interface AuditEntry {
  id: number;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  at: Date;
  details: AuditDetails;
}

/** The most recent entries of a workspace, newest first. */
export async function listAuditEntries(
  db: Db,
  params: { workspaceId: string; limit: number },
): Promise<AuditEntry[]> {
  return db
    .select({
      id: auditLog.id,
      actorId: auditLog.actorId,
      actorName: user.name,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      at: auditLog.at,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(user, eq(user.id, auditLog.actorId))
    .where(eq(auditLog.workspaceId, params.workspaceId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(params.limit);
}
