import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AppError, badInput, type Context, ErrorCode, parseInput, requireCapability } from '@clinigraph/kit';
import { z } from 'zod';
import { document, documentKindEnum } from '../db/schema.ts';
import { filingFacility } from './filing.ts';
import type { DocumentRow } from './loaders.ts';

/** Uploaded files live here under random names (CLINIGRAPH_DOCUMENTS_DIR; default .data/documents in the repo). */
export const documentsDir = () => process.env.CLINIGRAPH_DOCUMENTS_DIR ?? fileURLToPath(new URL('../../../../.data/documents/', import.meta.url));

/** Largest accepted file (CLINIGRAPH_DOCUMENT_MAX_BYTES, default 512 KiB; the JSON body limit is 1 MB and base64 adds a third). */
export const maxDocumentBytes = () => Number(process.env.CLINIGRAPH_DOCUMENT_MAX_BYTES ?? 512 * 1024);

/**
 * The only types accepted, each recognised by its leading bytes as well as by the declared type, so
 * an HTML page or a script renamed .pdf is refused. Nothing here is ever rendered or executed by the
 * server; files are handed back only as base64 for download as an attachment.
 */
const ACCEPTED: Record<string, { magic: number[]; extensions: string[] }> = {
  'application/pdf': { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], extensions: ['.pdf'] },
  'image/png': { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extensions: ['.png'] },
  'image/jpeg': { magic: [0xff, 0xd8, 0xff], extensions: ['.jpg', '.jpeg'] },
};

const uploadInput = z.object({
  patientId: z.uuid(),
  encounterId: z.uuid().nullish(),
  kind: z.enum(documentKindEnum.enumValues),
  title: z.string().trim().min(1, 'Give the document a title').max(200, 'Keep it to 200 characters'),
  filename: z.string().trim().min(1).max(255),
  contentType: z.string().trim().toLowerCase(),
  contentBase64: z.string().min(1),
});

const tooLarge = (bytes: number) =>
  new AppError(ErrorCode.BAD_USER_INPUT, `The file is ${bytes} bytes; the limit is ${maxDocumentBytes()} bytes`, {
    issues: [{ path: 'contentBase64', message: 'File too large' }],
  });

/** A display name that cannot name a path or carry control characters, with an extension matching its type. */
export function safeFilename(name: string, contentType: string): string {
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/[\p{Cc}"<>|:*?]/gu, '').trim() || 'document';
  const extensions = ACCEPTED[contentType]!.extensions;
  const clipped = base.slice(0, 120);
  return extensions.some((e) => clipped.toLowerCase().endsWith(e)) ? clipped : `${clipped}${extensions[0]}`;
}

function decode(data: z.output<typeof uploadInput>): Buffer {
  const accepted = ACCEPTED[data.contentType];
  if (!accepted)
    throw badInput(`${data.contentType} files are not accepted; upload a PDF, PNG or JPEG`, [{ path: 'contentType', message: 'Type not accepted' }]);
  const b64 = data.contentBase64.replace(/\s+/g, '');
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64))
    throw badInput('The file is not valid base64', [{ path: 'contentBase64', message: 'Not base64' }]);
  const size = (b64.length / 4) * 3 - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
  if (size > maxDocumentBytes()) throw tooLarge(size);
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length === 0) throw badInput('The file is empty', [{ path: 'contentBase64', message: 'Empty' }]);
  if (!accepted.magic.every((b, i) => bytes[i] === b)) {
    throw badInput(`The file's content is not ${data.contentType}`, [{ path: 'contentBase64', message: 'Content does not match the declared type' }]);
  }
  return bytes;
}

/** Doctors and nurses upload documents to a patient's record. Every check runs before anything is written. */
export async function uploadDocument(ctx: Context, input: z.input<typeof uploadInput>): Promise<DocumentRow> {
  const identity = requireCapability(ctx, 'document.upload');
  const data = parseInput(uploadInput, input);
  const bytes = decode(data);
  const facilityId = await filingFacility(ctx, ctx.db, data.encounterId, data.patientId);
  const storageKey = randomUUID();
  const dir = documentsDir();
  const path = `${dir.replace(/\/?$/, '/')}${storageKey}`;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(path, bytes, { mode: 0o600, flag: 'wx' });
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(document)
        .values({
          patientId: data.patientId,
          encounterId: data.encounterId ?? null,
          facilityId,
          kind: data.kind,
          title: data.title,
          filename: safeFilename(data.filename, data.contentType),
          contentType: data.contentType,
          sizeBytes: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          storageKey,
          uploadedBy: identity.userId,
        })
        .returning();
      await ctx.audit.write(tx, {
        action: 'create',
        entityType: 'Document',
        entityId: row!.id,
        patientId: data.patientId,
        detail: { kind: data.kind, bytes: bytes.length },
      });
      return row!;
    });
  } catch (err) {
    await unlink(path).catch(() => {});
    throw err;
  }
}

export interface DocumentContent {
  filename: string;
  contentType: string;
  contentDisposition: string;
  contentBase64: string;
}

/** The file for download. Always as an attachment, with the type it was verified to be. */
export async function documentContent(ctx: Context, row: DocumentRow): Promise<DocumentContent> {
  const bytes = await readFile(`${documentsDir().replace(/\/?$/, '/')}${row.storageKey}`);
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    ctx.log.error({ documentId: row.id }, 'stored document does not match its checksum');
    throw new AppError(ErrorCode.INVALID_STATE, 'The stored file is damaged; ask an administrator', { rule: 'DOCUMENT_CHECKSUM_MISMATCH' });
  }
  ctx.audit.record({ action: 'export', entityType: 'Document', entityId: row.id, patientId: row.patientId });
  return {
    filename: row.filename,
    contentType: ACCEPTED[row.contentType] ? row.contentType : 'application/octet-stream',
    contentDisposition: `attachment; filename="${row.filename.replace(/[^\x20-\x7e]/g, '_')}"`,
    contentBase64: bytes.toString('base64'),
  };
}
