import { createContext, useContext, useRef, useState, type DragEvent } from 'react';
import type { AssetAdded } from '../../../shared/ipc/contract';
import { looksLikePicture, PICTURE_ACCEPT } from '../paste/insertPictureFiles';

/** Stores a chosen or dropped picture file; the article view provides it (the editor has no client). */
export type AttachPicture = (file: File) => Promise<AssetAdded>;
export const AttachPictureContext = createContext<AttachPicture | null>(null);

/**
 * The place of a picture whose file is missing: the source named it (caption, credit) without
 * the file. Drop the file here or choose it; until then approval and every export refuse it.
 */
export function MissingFile({
  source,
  onAttached,
}: {
  source: string | undefined;
  onAttached(stored: AssetAdded): void;
}) {
  const attach = useContext(AttachPictureContext);
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const take = async (file: File | undefined) => {
    if (!file || !attach) return;
    if (!looksLikePicture(file))
      return setState({ busy: false, error: `${file.name} is not a picture (JPEG, PNG, WebP, GIF, TIFF or HEIC).` });
    setState({ busy: true, error: null });
    try {
      onAttached(await attach(file));
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: (error as Error).message });
    }
  };
  const onDrop = (e: DragEvent) => {
    // Taken here, not by the editor (which would add the picture as a new block).
    e.preventDefault();
    e.stopPropagation();
    void take(e.dataTransfer.files[0]);
  };
  return (
    <div
      className="missing-file"
      data-testid="missing-file"
      onDragOver={(e) => {
        e.preventDefault();
        e.stopPropagation();
      }}
      onDrop={onDrop}
    >
      <strong>File missing</strong>
      <span>
        Only the caption and credit came in{source ? ` (the source named it “${source}”)` : ''}. Drop the picture here,
        or{' '}
        <button
          type="button"
          className="link"
          data-go="file"
          disabled={!attach || state.busy}
          onClick={() => input.current?.click()}
        >
          choose its file…
        </button>
      </span>
      {state.busy ? <span role="status">Attaching…</span> : null}
      {state.error ? <span role="alert">{state.error}</span> : null}
      <input
        ref={input}
        type="file"
        hidden
        accept={PICTURE_ACCEPT}
        aria-label="Choose the picture's file"
        onChange={(e) => void take(e.target.files?.[0] ?? undefined).finally(() => (e.target.value = ''))}
      />
    </div>
  );
}
