import type { CombinedError } from '@urql/core';
import { createSignal } from 'solid-js';
import { downloadBase64 } from '../../lib/download.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';

export interface FetchedFile {
  filename: string;
  contentType: string;
  contentBase64: string;
}

/**
 * A button that fetches a file from the API only when pressed (a PDF the API renders, an uploaded
 * document) and saves it as a download, never rendered inline; a refusal shows beside it in plain words.
 */
export function FileButton(props: { label: string; name?: string; fetch: () => Promise<{ error?: CombinedError; file?: FetchedFile | null }> }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<CombinedError | null>(null);
  const download = async () => {
    setBusy(true);
    const result = await props.fetch();
    setError(result.error ?? null);
    if (result.file) downloadBase64(result.file.filename, result.file.contentBase64, result.file.contentType);
    setBusy(false);
  };
  return (
    <>
      <button type="button" class="secondary" onClick={download} disabled={busy()} aria-label={props.name}>
        {busy() ? 'Preparing…' : props.label}
      </button>
      <ErrorNotice error={error()} />
    </>
  );
}
