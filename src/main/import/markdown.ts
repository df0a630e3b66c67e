import { BylineError } from '../../shared/errors';
import { marked } from 'marked';
import { parseSignOff } from '../../shared/format/signOff';
import type { ArticleInput } from '../../shared/model/article';
import { decodeUtf8 } from './decode';
import { dedupe, finishImport, isoDate, languageTag } from './finish';
import { htmlBodyBlocks } from './htmlArticle';
import { parseHtml } from './htmlDom';
import type { ImportContext, ImportedArticle, PendingAsset } from './types';

/** `key: value` lines between `---` fences; values in JSON (as Byline writes them) or plain text. */
function readFrontMatter(text: string): { meta: Record<string, unknown>; rest: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!match) return { meta: {}, rest: text };
  const meta: Record<string, unknown> = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    const kv = /^([\w-]+):\s*(.*)$/.exec(line);
    if (!kv) continue;
    const raw = kv[2]!.trim();
    try {
      meta[kv[1]!.toLowerCase()] = JSON.parse(raw);
    } catch {
      meta[kv[1]!.toLowerCase()] = raw.replace(/^['"]|['"]$/g, '');
    }
  }
  return { meta, rest: text.slice(match[0].length) };
}

/**
 * marked parses nesting recursively and emphasis within a paragraph in quadratic time: 2,000
 * nested list levels exhaust the stack, and 600 KB of `*a` took 44 s. Real copy stays far
 * below both bounds, so a file past them is refused before marked sees it.
 */
export const MARKDOWN_LIMITS = { nesting: 48, emphasisMarksPerParagraph: 4_000 };

function assertMarkdownShape(text: string, fileName: string): void {
  const refuse = (why: string) =>
    new BylineError('invalid-input', `${fileName} cannot be imported: ${why}. Nothing was stored.`);
  let marks = 0;
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (!line.trim()) {
      marks = 0;
      continue;
    }
    // Quote markers, list markers and indentation (two columns a level) before the line's text.
    const prefix = /^(?:[ \t>]|[-*+][ \t]|\d{1,9}[.)][ \t])*/.exec(line)![0];
    const markers = (prefix.match(/[>*+-]|\d+[.)]/g) ?? []).length;
    const columns = prefix.replace(/\t/g, '    ').replace(/[^ ]/g, '').length;
    if (markers + Math.floor(columns / 2) > MARKDOWN_LIMITS.nesting)
      throw refuse(`line ${lineNo} is nested more than ${MARKDOWN_LIMITS.nesting} levels deep`);
    for (let i = 0; i < line.length; i++) if (line[i] === '*' || line[i] === '_') marks++;
    if (marks > MARKDOWN_LIMITS.emphasisMarksPerParagraph) {
      throw refuse(
        `the paragraph ending at line ${lineNo} has more than ${MARKDOWN_LIMITS.emphasisMarksPerParagraph} emphasis marks (* or _)`,
      );
    }
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Markdown with optional front matter; the first level-one heading is the headline. */
export function importMarkdown(bytes: Uint8Array, ctx: ImportContext): ImportedArticle {
  const { meta, rest } = readFrontMatter(decodeUtf8(ctx.fileName, bytes));
  assertMarkdownShape(rest, ctx.fileName);
  const html = marked.parse(rest, { async: false, gfm: true });
  const body = parseHtml(html, ctx.fileName).body;
  const h1 = body.querySelector('h1');
  const headline = str(meta.title) || str(meta.headline) || (h1?.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!str(meta.title) && !str(meta.headline)) h1?.remove();
  const warnings: string[] = [];
  const assets: PendingAsset[] = [];
  const keywords = Array.isArray(meta.keywords) ? meta.keywords.map(str) : str(meta.keywords || meta.tags).split(',');
  const draft: ArticleInput = {
    language: languageTag(str(meta.language) || str(meta.lang)),
    slug: str(meta.slug),
    rubric: str(meta.rubric) || str(meta.section),
    kicker: str(meta.kicker),
    headline,
    teaser: str(meta.teaser) || str(meta.description) || str(meta.summary),
    byline: str(meta.byline) || str(meta.author),
    dateline: str(meta.dateline),
    publishedAt: isoDate(str(meta.date) || undefined),
    keywords: dedupe(keywords),
    signOff: parseSignOff(str(meta.signoff), { inSignOffSlot: true }) ?? undefined,
    body: htmlBodyBlocks(body, ctx, warnings, assets),
  };
  return finishImport(ctx.fileName, draft, warnings, assets);
}
