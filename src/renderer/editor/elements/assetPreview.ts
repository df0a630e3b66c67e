import { createContext, useContext, useEffect, useState } from 'react';

export type PreviewLoader = (assetId: string) => Promise<{ dataUrl: string | null; reason?: string }>;

/** How image blocks get their picture; the article view provides it (the editor has no client). */
export const AssetPreviewContext = createContext<PreviewLoader | null>(null);

export function useAssetPreview(assetId: string): { dataUrl: string | null; reason: string | null } {
  const load = useContext(AssetPreviewContext);
  const [state, setState] = useState<{ dataUrl: string | null; reason: string | null }>({ dataUrl: null, reason: null });
  useEffect(() => {
    let live = true;
    if (!load) return;
    load(assetId).then(
      (r) => live && setState({ dataUrl: r.dataUrl, reason: r.reason ?? null }),
      (e: Error) => live && setState({ dataUrl: null, reason: e.message }),
    );
    return () => {
      live = false;
    };
  }, [load, assetId]);
  return state;
}
