import { createContext, useContext, useEffect, useState } from 'react';
import type { AssetPreview } from '../../../shared/ipc/contract';

export type PreviewLoader = (assetId: string) => Promise<AssetPreview>;

/** How image blocks get their picture; the article view provides it (the editor has no client). */
export const AssetPreviewContext = createContext<PreviewLoader | null>(null);

const LOADING: AssetPreview & { loading: boolean } = { dataUrl: null, photo: null, loading: true };

/** The picture to show and what its file said; `loading` until the main process answers. */
export function useAssetPreview(assetId: string): AssetPreview & { loading: boolean } {
  const load = useContext(AssetPreviewContext);
  const [state, setState] = useState(LOADING);
  useEffect(() => {
    let live = true;
    if (!load) return;
    load(assetId).then(
      (r) => live && setState({ ...r, loading: false }),
      (e: Error) => live && setState({ dataUrl: null, reason: e.message, photo: null, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [load, assetId]);
  return state;
}
