import { diffArrays, diffWordsWithSpace } from 'diff';
import { formatCredit } from './format/credit';
import { formatSignOff } from './format/signOff';
import type { HouseStyle } from './houseStyle';
import { statusLabel } from './workflow';
import { bodyText, imageCredits, type Article } from './model/article';
import { blockText, type Block } from './model/blocks';
import type { RichText } from './model/inline';

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
  /** The body block by block, so a diff keeps subheads, quotes and lists; each changed block word by word. */
  blocks: BlockDiff[];
  /** Words added and removed over the whole article (fields and body). */
  words: { added: number; removed: number };
}

/** Bold or italic over a stretch of a block's text (offsets into blockText). */
export interface EmphasisRun {
  start: number;
  end: number;
  bold?: true;
  italic?: true;
}

/** One block of the body as it compares: the same, changed (word by word), only before, only after. */
export interface BlockDiff {
  kind: 'same' | 'changed' | 'added' | 'removed';
  type: Block['type'];
  parts: TextPart[];
  /** Where the earlier and the later text are bold or italic, so a diff shows emphasis as the article does. */
  emphasis: { before: EmphasisRun[]; after: EmphasisRun[] };
}

/** The bold and italic stretches of a block, at the offsets blockText gives its text. */
export function emphasisRuns(block: Block | undefined): EmphasisRun[] {
  if (!block) return [];
  const runs: EmphasisRun[] = [];
  let at = 0;
  const walk = (inlines: RichText) => {
    for (const inline of inlines) {
      for (const leaf of 'type' in inline ? inline.children : [inline]) {
        if (leaf.bold || leaf.italic)
          runs.push({
            start: at,
            end: at + leaf.text.length,
            ...(leaf.bold ? { bold: true } : {}),
            ...(leaf.italic ? { italic: true } : {}),
          });
        at += leaf.text.length;
      }
    }
  };
  if (block.type === 'paragraph' || block.type === 'subhead' || block.type === 'quote') walk(block.children);
  else if (block.type === 'list') {
    block.items.forEach((item, i) => {
      if (i > 0) at += 1; // the line break between items
      walk(item);
    });
  }
  return runs;
}

/** Each field as a desk reads it: keywords as a list, the sign-off and credits as printed. */
function fieldValues(a: Article, style: HouseStyle): [string, string][] {
  return [
    ['status', statusLabel(style, a.status)],
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
    [
      'credits',
      imageCredits(a.body)
        .map((c) => formatCredit(c, style.credit))
        .join('; '),
    ],
  ];
}

/** What changed between two revisions of an article: per field, and word by word in the body. */
export function diffArticles(before: Article, after: Article, style: HouseStyle): ArticleDiff {
  const a = fieldValues(before, style);
  const b = new Map(fieldValues(after, style));
  const fields = a
    .filter(([field, value]) => b.get(field) !== value)
    .map(([field, value]) => ({ field, before: value, after: b.get(field)! }));
  const textA = bodyText(before.body);
  const textB = bodyText(after.body);
  const body: TextPart[] =
    textA === textB
      ? []
      : coalesce(
          diffWordsWithSpace(textA, textB).map((c) => ({
            kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
            text: c.value,
          })),
        );
  return {
    from: before.revision,
    to: after.revision,
    fields,
    body,
    blocks: diffBlocks(before.body, after.body),
    words: wordChange(before, after),
  };
}

const wordsIn = (text: string) => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;

/** Words added and removed between two versions, over every field a person writes and the body. */
export function wordChange(
  before: Pick<Article, 'rubric' | 'kicker' | 'headline' | 'teaser' | 'body'> | null,
  after: Pick<Article, 'rubric' | 'kicker' | 'headline' | 'teaser' | 'body'>,
): { added: number; removed: number } {
  const text = (a: typeof after | null) =>
    a ? [a.rubric, a.kicker, a.headline, a.teaser, bodyText(a.body)].join('\n\n') : '';
  let added = 0;
  let removed = 0;
  for (const c of diffWordsWithSpace(text(before), text(after))) {
    if (c.added) added += wordsIn(c.value);
    else if (c.removed) removed += wordsIn(c.value);
  }
  return { added, removed };
}

/**
 * Blocks aligned by their type and text; a run of removed blocks next to a run of added ones is
 * read as those blocks changed, pair by pair, and compared word by word.
 */
export function diffBlocks(before: readonly Block[], after: readonly Block[]): BlockDiff[] {
  const key = (b: Block) => `${b.type}\u0000${blockText(b)}`;
  const out: BlockDiff[] = [];
  const changes = diffArrays(before.map(key), after.map(key));
  const at = { before: 0, after: 0 };
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    const n = c.value.length;
    if (!c.added && !c.removed) {
      for (let k = 0; k < n; k++) {
        const b = after[at.after + k]!;
        out.push({
          kind: 'same',
          type: b.type,
          parts: [{ kind: 'same', text: blockText(b) }],
          emphasis: { before: emphasisRuns(before[at.before + k]), after: emphasisRuns(b) },
        });
      }
      at.before += n;
      at.after += n;
      continue;
    }
    // A removal followed by an addition is taken together: those blocks changed.
    const addition = c.added ? c : c.removed && changes[i + 1]?.added ? changes[++i]! : null;
    const removed = c.removed ? before.slice(at.before, at.before + n) : [];
    const added = addition ? after.slice(at.after, at.after + addition.value.length) : [];
    at.before += removed.length;
    at.after += added.length;
    const pairs = Math.min(removed.length, added.length);
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const r = removed[k];
      const a = added[k];
      if (k < pairs) {
        const parts = coalesce(
          diffWordsWithSpace(blockText(r!), blockText(a!)).map((d) => ({
            kind: d.added ? 'added' : d.removed ? 'removed' : 'same',
            text: d.value,
          })),
        );
        out.push({
          kind: 'changed',
          type: a!.type,
          parts,
          emphasis: { before: emphasisRuns(r), after: emphasisRuns(a) },
        });
      } else if (r)
        out.push({
          kind: 'removed',
          type: r.type,
          parts: [{ kind: 'removed', text: blockText(r) }],
          emphasis: { before: emphasisRuns(r), after: [] },
        });
      else if (a)
        out.push({
          kind: 'added',
          type: a.type,
          parts: [{ kind: 'added', text: blockText(a) }],
          emphasis: { before: [], after: emphasisRuns(a) },
        });
    }
  }
  return out;
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
  return parts
    .map((p) => (p.kind === 'added' ? `{+${p.text}+}` : p.kind === 'removed' ? `[-${p.text}-]` : p.text))
    .join('');
}
