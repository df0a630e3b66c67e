import type { KeyboardEvent } from 'react';
import { formatCredit } from '../../../shared/format/credit';
import type { HouseStyle } from '../../../shared/houseStyle';
import type { ImageElement } from '../schema';
import { useAssetPreview } from './assetPreview';

interface Props {
  element: ImageElement;
  style: HouseStyle['credit'];
  onChange(patch: Partial<Pick<ImageElement, 'caption' | 'credit' | 'alt'>>): void;
}

const stop = (e: KeyboardEvent) => e.stopPropagation();

/** The image block's own fields; picking the picture itself belongs to the photo desk. */
export function ImageFields({ element, style, onChange }: Props) {
  const credit = formatCredit(element.credit, style);
  const preview = useAssetPreview(element.assetId);
  return (
    <div className="image-fields" onKeyDown={stop}>
      {preview.dataUrl ? (
        <img className="image-preview" src={preview.dataUrl} alt={element.alt} />
      ) : (
        <div className="image-placeholder" role="img" aria-label={element.alt || 'Image without alt text'}>
          {preview.reason ?? 'Loading picture…'}
        </div>
      )}
      <label>
        Caption
        <input dir="auto" value={element.caption} onChange={(e) => onChange({ caption: e.target.value })} />
      </label>
      <fieldset className="credit-parts">
        <legend>Credit</legend>
        {(['provider', 'agency', 'creator'] as const).map((part) => (
          <label key={part}>
            {part === 'provider' ? 'Provider' : part === 'agency' ? 'Agency' : 'Photographer'}
            <input value={element.credit[part] ?? ''} onChange={(e) => onChange({ credit: { ...element.credit, [part]: e.target.value || undefined } })} />
          </label>
        ))}
      </fieldset>
      <label>
        Alt text
        <input dir="auto" value={element.alt} onChange={(e) => onChange({ alt: e.target.value })} />
      </label>
      <p className={credit ? 'credit-line' : 'credit-line missing'}>{credit || 'No credit yet'}</p>
    </div>
  );
}
