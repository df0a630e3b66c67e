import { createContext, useContext, useEffect, useState } from 'react';
import type { AssetPreview } from '../../../shared/ipc/contract';

export type PreviewLoader = (assetId: string) => Promise<AssetPreview>;

/** How image blocks get their picture; the article view provides it (the editor has no client). */
export const AssetPreviewContext = createContext<PreviewLoader | null>(null);

const LOADING: AssetPreview = { dataUrl: null, photo: null };

/**
 * The picture to show and what its file said (nothing, with no reason, until the main process
 * answers; nothing at all while the file is missing).
 */
export function useAssetPreview(assetId: string | null): AssetPreview {
  const load = useContext(AssetPreviewContext);
  const [state, setState] = useState(LOADING);
  useEffect(() => {
    let live = true;
    if (!load || !assetId) {
      setState(LOADING);
      return;
    }
    load(assetId).then(
      (r) => live && setState(r),
      (e: Error) => live && setState({ dataUrl: null, reason: e.message, photo: null }),
    );
    return () => {
      live = false;
    };
  }, [load, assetId]);
  return state;
}
