import { diffWordsWithSpace } from 'diff';
import { formatCredit } from './format/credit';
import { formatSignOff } from './format/signOff';
import type { HouseStyle } from './houseStyle';
import { bodyText, imageCredits, type Article } from './model/article';

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** A run of the body's text: unchanged, only in the later revision, or only in the earlier one. */
export interface TextPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface ArticleDiff {
  from: number;
  to: number;
  /** Fields that differ, each as a whole value before and after. */
  fields: FieldChange[];
  /** The body, word by word (paragraphs separated by blank lines); empty when it did not change. */
  body: TextPart[];
}

/** Each field as a desk reads it: keywords as a list, the sign-off and credits as printed. */
function fieldValues(a: Article, style: HouseStyle): [string, string][] {
  return [
    ['status', style.statuses.find((s) => s.id === a.status)?.label ?? a.status],
    ['rubric', a.rubric],
    ['kicker', a.kicker],
    ['headline', a.headline],
    ['teaser', a.teaser],
    ['byline', a.byline],
    ['dateline', a.dateline],
    ['published', a.publishedAt ?? ''],
    ['language', a.language],
    ['slug', a.slug],
    ['keywords', a.keywords.join(', ')],
    ['sign-off', formatSignOff(a.signOff, style.signOff)],
    ['credits', imageCredits(a.body).map((c) => formatCredit(c, style.credit)).join('; ')],
  ];
}

/** What changed between two revisions of an article: per field, and word by word in the body. */
export function diffArticles(before: Article, after: Article, style: HouseStyle): ArticleDiff {
  const a = fieldValues(before, style);
  const b = new Map(fieldValues(after, style));
  const fields = a.filter(([field, value]) => b.get(field) !== value).map(([field, value]) => ({ field, before: value, after: b.get(field)! }));
  const textA = bodyText(before.body);
  const textB = bodyText(after.body);
  const body: TextPart[] =
    textA === textB
      ? []
      : coalesce(diffWordsWithSpace(textA, textB).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value })));
  return { from: before.revision, to: after.revision, fields, body };
}

/**
 * A changed phrase as one removal and one addition ("[-rund 40 Prozent-]{+fast die Hälfte+}"),
 * not word against word: a run of changes with only spaces between them is taken together.
 */
function coalesce(parts: TextPart[]): TextPart[] {
  const out: TextPart[] = [];
  let i = 0;
  while (i < parts.length) {
    if (parts[i]!.kind === 'same') {
      out.push(parts[i++]!);
      continue;
    }
    let removed = '';
    let added = '';
    let end = i;
    for (let k = i; k < parts.length; k++) {
      const p = parts[k]!;
      const bridge = p.kind === 'same' && /^\s+$/.test(p.text) && parts[k + 1] && parts[k + 1]!.kind !== 'same';
      if (p.kind === 'same' && !bridge) break;
      if (p.kind !== 'added') removed += p.text;
      if (p.kind !== 'removed') added += p.text;
      end = k + 1;
    }
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    i = end;
  }
  return out;
}

/** The body diff inline, as `git diff --word-diff` shows it: [-removed-]{+added+}. */
export function inlineBodyDiff(parts: readonly TextPart[]): string {
  return parts.map((p) => (p.kind === 'added' ? `{+${p.text}+}` : p.kind === 'removed' ? `[-${p.text}-]` : p.text)).join('');
}
