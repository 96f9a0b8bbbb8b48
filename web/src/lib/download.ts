/** Saves text (e.g. a CSV report) as a file the person downloads. */
export function downloadText(filename: string, text: string, type = 'text/csv'): void {
  save(filename, new Blob([text], { type }));
}

/** Saves a base64-encoded file (e.g. a PDF receipt) as a download, never rendered inline. */
export function downloadBase64(filename: string, base64: string, type = 'application/pdf'): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  save(filename, new Blob([bytes], { type }));
}

function save(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
