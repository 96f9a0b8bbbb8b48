import type { Identity } from './auth/identity.ts';
import type { DbOrTx } from './db/connect.ts';
import { auditEvent } from './db/schema.ts';

export type AuditAction = 'read' | 'search' | 'create' | 'update' | 'delete' | 'login' | 'logout' | 'export';

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
 * The audit trail of one request. Reads are queued and written in one INSERT when the request ends
 * (before the response leaves); writes go into the caller's transaction with `write`.
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

  async flush(db: DbOrTx): Promise<void> {
    if (this.queue.length === 0) return;
    const rows = this.queue.map((e) => this.row(e));
    this.queue = [];
    await db.insert(auditEvent).values(rows);
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
      detail: e.detail ?? null,
    };
  }
}
