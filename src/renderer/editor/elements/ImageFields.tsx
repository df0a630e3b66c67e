import type { KeyboardEvent } from 'react';
import { formatCredit, hasCredit } from '../../../shared/format/credit';
import { creditFromMetadata } from '../../../shared/format/creditFromMetadata';
import type { HouseStyle } from '../../../shared/houseStyle';
import { formatPhotoDate } from '../../../shared/format/photoDate';
import type { PhotoMetadata } from '../../../shared/model/photo';
import { pictureProblems } from '../../../shared/workflow';
import type { ImageElement } from '../schema';
import { useAssetPreview } from './assetPreview';
import { MissingFile } from './MissingFile';

interface Props {
  element: ImageElement;
  style: HouseStyle['credit'];
  onChange(patch: Partial<Pick<ImageElement, 'assetId' | 'caption' | 'credit' | 'alt'>>): void;
}

const stop = (e: KeyboardEvent) => e.stopPropagation();

/** Says whether a value is the file's or a person's, and offers the file's back when they differ. */
function Origin({ value, fromFile, onUseFile }: { value: string; fromFile: string | undefined; onUseFile(): void }) {
  if (!fromFile?.trim())
    return <span className="origin">{value.trim() ? 'entered here (the file has none)' : 'the file has none'}</span>;
  if (value.trim() === fromFile.trim()) return <span className="origin from-file">from the file</span>;
  return (
    <span className="origin edited">
      edited · the file says “{fromFile}”{' '}
      <button type="button" className="link" onClick={onUseFile}>
        use the file’s
      </button>
    </span>
  );
}

/** What else the file says that a photo editor weighs (rights, terms, where, when, how it was made). */
function FileFacts({ embedded, width, height }: { embedded: PhotoMetadata; width: number; height: number }) {
  const rows: [string, string | undefined][] = [
    ['Size', `${width} × ${height} px`],
    ['Creator', embedded.creators?.join(', ')],
    ['Credit line', embedded.creditLine],
    ['Source', embedded.source],
    ['Copyright', embedded.copyright],
    ['Usage terms', embedded.usageTerms],
    ['Created', formatPhotoDate(embedded.dateCreated)],
    ['Place', [embedded.city, embedded.country].filter(Boolean).join(', ') || undefined],
    ['Headline', embedded.headline],
    [
      'Digital source type',
      embedded.digitalSourceType?.replace(/^https?:\/\/cv\.iptc\.org\/newscodes\/digitalsourcetype\//, ''),
    ],
  ];
  return (
    <details className="file-facts">
      <summary>What the file says</summary>
      <dl>
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd dir="auto">{v}</dd>
            </div>
          ))}
      </dl>
    </details>
  );
}

/** The image block's fields, with where each value came from and what stops the picture going out. */
export function ImageFields({ element, style, onChange }: Props) {
  const credit = formatCredit(element.credit, style);
  const preview = useAssetPreview(element.assetId);
  const embedded = preview.photo?.embedded;
  const fileCredit = embedded ? creditFromMetadata(embedded) : null;
  const problems = pictureProblems(element, embedded);
  return (
    <div className="image-fields" onKeyDown={stop} data-problems={problems.length}>
      {element.assetId === null ? (
        <MissingFile
          source={element.source}
          // The file joins what the source said: caption and credit stay, and are then checked against the file as any picture's.
          onAttached={(stored) =>
            onChange({
              assetId: stored.id,
              caption: element.caption || stored.suggested.caption,
              credit: hasCredit(element.credit) ? element.credit : stored.suggested.credit,
            })
          }
        />
      ) : preview.dataUrl ? (
        <img className="image-preview" src={preview.dataUrl} alt={element.alt} />
      ) : (
        <div className="image-placeholder" role="img" aria-label={element.alt || 'Image without alt text'}>
          {preview.reason ?? 'Loading picture…'}
        </div>
      )}
      {problems.length ? (
        <ul className="image-problems" aria-label="Problems with this picture">
          {problems.map((p) => (
            <li key={p}>{p[0]!.toUpperCase() + p.slice(1)}</li>
          ))}
        </ul>
      ) : null}
      <label>
        Caption
        <textarea dir="auto" rows={2} value={element.caption} onChange={(e) => onChange({ caption: e.target.value })} />
      </label>
      {embedded ? (
        <Origin
          value={element.caption}
          fromFile={embedded.caption}
          onUseFile={() => onChange({ caption: embedded.caption ?? '' })}
        />
      ) : null}
      <fieldset className="credit-parts">
        <legend>Credit</legend>
        {(['provider', 'agency', 'creator'] as const).map((part) => (
          <label key={part}>
            {part === 'provider' ? 'Provider' : part === 'agency' ? 'Agency' : 'Photographer'}
            <input
              data-go={part === 'provider' ? 'credit' : undefined}
              value={element.credit[part] ?? ''}
              onChange={(e) => onChange({ credit: { ...element.credit, [part]: e.target.value || undefined } })}
            />
          </label>
        ))}
      </fieldset>
      <p className={credit ? 'credit-line' : 'credit-line missing'}>{credit || 'No credit yet'}</p>
      {fileCredit ? (
        <Origin
          value={credit}
          fromFile={formatCredit(fileCredit, style)}
          onUseFile={() => onChange({ credit: fileCredit })}
        />
      ) : null}
      <label>
        Alt text
        <input
          dir="auto"
          data-go="alt"
          value={element.alt}
          aria-invalid={!element.alt.trim()}
          onChange={(e) => onChange({ alt: e.target.value })}
        />
      </label>
      {embedded && preview.photo ? (
        <FileFacts embedded={embedded} width={preview.photo.width} height={preview.photo.height} />
      ) : null}
    </div>
  );
}
