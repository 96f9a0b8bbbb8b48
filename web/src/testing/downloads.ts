import { vi } from 'vitest';

export interface CapturedDownload {
  filename: string;
  blob: Blob;
}

/**
 * Catches what `lib/download.ts` saves (jsdom has no object URLs and no downloads): each file's name
 * and bytes, in order. Restore with `vi.restoreAllMocks()`.
 */
export function captureDownloads(): CapturedDownload[] {
  const saved: CapturedDownload[] = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test-${blobs.size}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ filename: this.download, blob: blobs.get(this.href)! });
  });
  return saved;
}

/** A blob's bytes as base64 (jsdom's Blob has no arrayBuffer in every version). */
export const base64Of = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.readAsDataURL(blob);
  });
