import { For } from 'solid-js';
import { formatZonedDateTime } from '../../lib/format.ts';
import { DOCUMENT_KIND } from '../../lib/labels/clinical.ts';
import { DocumentDownloadButton } from './DocumentDownloadButton.tsx';
import type { DocumentInfo } from './queries.ts';

const TYPES: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG image', 'image/jpeg': 'JPEG image' };

/** A file size a person reads: bytes, KB or MB. */
export const formatSize = (bytes: number): string =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Documents newest first, each with its kind, type, size, upload time and a download button. */
export function DocumentList(props: { documents: DocumentInfo[]; timeZone?: string; empty: string }) {
  const newestFirst = () => [...props.documents].sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt));
  return (
    <ul aria-label="Documents">
      <For each={newestFirst()} fallback={<li class="empty">{props.empty}</li>}>
        {(d) => (
          <li>
            <strong>{d.title}</strong> · {DOCUMENT_KIND[d.kind]} · {TYPES[d.contentType] ?? d.contentType}, {formatSize(d.sizeBytes)} · uploaded{' '}
            {formatZonedDateTime(d.uploadedAt, props.timeZone)} <DocumentDownloadButton id={d.id} title={d.title} />
          </li>
        )}
      </For>
    </ul>
  );
}
