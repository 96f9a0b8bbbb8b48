import { sql } from 'drizzle-orm';
import { hasEmergencyAccess } from './auth/facility-scope.ts';
import type { Identity } from './auth/identity.ts';
import type { DbOrTx } from './db/connect.ts';
import { auditEvent } from './db/schema.ts';

export type AuditAction =
  | 'read'
  | 'search'
  | 'create'
  | 'update'
  | 'delete'
  | 'login'
  | 'logout'
  | 'export'
  /** A refused sign-in (wrong password, unknown e-mail, deactivated account); the account id when one matched, never the e-mail. */
  | 'login_failed'
  /** A sign-in refused because of too many failures (the lockout). */
  | 'login_locked'
  /** Sessions ended from a sessions list (one's own, or an admin for a user). */
  | 'session_end'
  /** Two-step sign-in: a factor confirmed, turned off by its owner, reset by an admin; a wrong code; the setting changed. */
  | 'mfa_enrol'
  | 'mfa_disable'
  | 'mfa_reset'
  | 'mfa_failed'
  | 'mfa_policy'
  /** Break-the-glass: a clinician opened a chart outside their facilities (flagged for review); a refused attempt; an admin's review. */
  | 'emergency_access'
  | 'emergency_access_refused'
  | 'emergency_access_review';

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  patientId?: string | null;
  detail?: Record<string, unknown>;
}

interface Who {
  service: string;
  identity: Identity | null;
  ip: string | null;
  requestId: string;
  operation: string | null;
}

/**
 * The audit trail of one request. Reads are queued (each distinct read once) and written in one
 * set-based INSERT when the request ends (before the response leaves); writes go into the caller's
 * transaction with `write`.
 */
export class AuditLog {
  private queue: AuditEntry[] = [];
  private seen = new Set<string>();
  constructor(private readonly who: Who) {}

  /** Records the client's operation name; the gateway's per-subgraph suffix (`Name__people__0`) is dropped. */
  setOperation(operation: string | null): void {
    this.who.operation = operation?.replace(/__[a-z]+__\d+$/, '') ?? null;
  }

  record(entry: AuditEntry): void {
    const key = `${entry.action}|${entry.entityType}|${entry.entityId ?? ''}|${entry.patientId ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.queue.push(entry);
  }

  async write(tx: DbOrTx, entry: AuditEntry): Promise<void> {
    await tx.insert(auditEvent).values(this.row(entry));
  }

  /**
   * Writes the queued reads in one statement with seven parameters whatever their number: who and where
   * once, the entries as one JSON array expanded by `jsonb_to_recordset` (a multi-row VALUES would bind
   * eleven parameters per row, and building them cost more than the insert).
   */
  async flush(db: DbOrTx): Promise<void> {
    if (this.queue.length === 0) return;
    const entries = JSON.stringify(
      this.queue.map((e) => ({ action: e.action, entity_type: e.entityType, entity_id: e.entityId, patient_id: e.patientId, detail: this.detailOf(e) })),
    );
    this.queue = [];
    const { identity, service, ip, requestId, operation } = this.who;
    await db.execute(sql`
      insert into ${auditEvent} (actor_id, actor_roles, action, entity_type, entity_id, patient_id, service, operation, ip, request_id, detail)
      select ${identity?.userId ?? null}::uuid, array(select jsonb_array_elements_text(${JSON.stringify(identity?.roles ?? [])}::jsonb)),
             r.action, r.entity_type, r.entity_id, r.patient_id, ${service}, ${operation}, ${ip}, ${requestId}, r.detail
        from jsonb_to_recordset(${entries}::jsonb) as r(action text, entity_type text, entity_id text, patient_id uuid, detail jsonb)`);
  }

  private row(e: AuditEntry) {
    const { identity, service, ip, requestId, operation } = this.who;
    return {
      actorId: identity?.userId ?? null,
      actorRoles: identity?.roles ?? [],
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      patientId: e.patientId ?? null,
      service,
      operation,
      ip,
      requestId,
      detail: this.detailOf(e),
    };
  }

  /**
   * What is recorded of an entry: its detail, marked `emergencyAccess: true` when the patient is one the
   * caller holds by break-the-glass (the token's `btg`), so the review of the grant lists what was read.
   */
  private detailOf(e: AuditEntry): Record<string, unknown> | null {
    if (hasEmergencyAccess(this.who.identity, e.patientId)) return { ...e.detail, emergencyAccess: true };
    return e.detail ?? null;
  }
}
