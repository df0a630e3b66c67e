import { useState } from 'react';
import type { Article } from '../../shared/model/article';

export type Metadata = Pick<Article, 'language' | 'slug' | 'byline' | 'dateline' | 'keywords' | 'publishedAt'>;

const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** `2017-11-10T08:00:00.000Z` ↔ the local `2017-11-10T09:00` a datetime-local input shows. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

interface Props {
  value: Metadata;
  onChange(value: Metadata): void;
}

/** The article's metadata. Only valid values reach the article; a bad one is named beside its field. */
export function MetadataPanel({ value, onChange }: Props) {
  const [language, setLanguage] = useState(value.language);
  const [keywords, setKeywords] = useState(value.keywords.join(', '));
  const set = (patch: Partial<Metadata>) => onChange({ ...value, ...patch });

  return (
    <aside className="metadata" aria-label="Article details">
      <h2>Details</h2>
      <label>
        Language
        <input
          value={language}
          aria-invalid={!LANGUAGE.test(language)}
          aria-describedby="language-help"
          onChange={(e) => {
            setLanguage(e.target.value);
            if (LANGUAGE.test(e.target.value)) set({ language: e.target.value });
          }}
        />
        <small id="language-help" className={LANGUAGE.test(language) ? 'help' : 'field-problem'}>
          {LANGUAGE.test(language)
            ? 'BCP 47, e.g. de, en-GB, ar'
            : `"${language}" is not a language tag (e.g. de, en-GB, ar); the last valid one is kept.`}
        </small>
      </label>
      <label>
        Slug
        <input value={value.slug} onChange={(e) => set({ slug: e.target.value })} />
      </label>
      <label>
        Byline
        <input
          dir="auto"
          data-go="byline"
          value={value.byline}
          placeholder="Anna Beispiel, NDR"
          onChange={(e) => set({ byline: e.target.value })}
        />
      </label>
      <label>
        Dateline
        <input
          dir="auto"
          value={value.dateline}
          placeholder="Berlin (dpa)"
          onChange={(e) => set({ dateline: e.target.value })}
        />
      </label>
      <label>
        Keywords
        <input
          dir="auto"
          data-go="keywords"
          value={keywords}
          placeholder="Syrien, IS, Albu Kamal"
          onChange={(e) => {
            setKeywords(e.target.value);
            set({
              keywords: [
                ...new Set(
                  e.target.value
                    .split(',')
                    .map((k) => k.trim())
                    .filter(Boolean),
                ),
              ],
            });
          }}
        />
      </label>
      <label>
        Published
        <input
          type="datetime-local"
          value={toLocalInput(value.publishedAt)}
          onChange={(e) => set({ publishedAt: e.target.value ? new Date(e.target.value).toISOString() : null })}
        />
      </label>
    </aside>
  );
}
