import fs from 'node:fs';
import path from 'node:path';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { htmlToBlocks, textToBlocks } from '../../../../src/shared/html/htmlToBlocks';
import { sanitizeClipboardHtml } from '../../../../src/renderer/editor/paste/sanitize';
import { ArticleInputSchema } from '../../../../src/shared/model/article';
import { FIXTURES, SKIP_NO_FIXTURES } from '../../../helpers/fixtures';
import { EXPECTED } from './expected';
import { summarize } from './summary';

const clipboard = path.join(FIXTURES, 'clipboard');
const present = fs.existsSync(clipboard);
const files = present
  ? fs.readdirSync(clipboard).flatMap((dir) => fs.readdirSync(path.join(clipboard, dir)).map((f) => `${dir}/${f}`))
  : [];
const purify = createDOMPurify(new JSDOM('').window as never);

function paste(html: string) {
  return htmlToBlocks(sanitizeClipboardHtml(purify, html));
}
const scheme = (src: string) =>
  src.startsWith('file') ? 'file' : src.startsWith('https') ? 'https' : src.startsWith('data') ? 'data' : src;

describe.skipIf(!present)('paste: every clipboard fixture', () => {
  if (!present) console.log(`skipped: ${SKIP_NO_FIXTURES}`);

  it('has an expectation for every fixture and no stale ones', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...files].sort());
  });

  it.each(files)('%s', (file) => {
    const result = paste(fs.readFileSync(path.join(clipboard, file), 'utf8'));
    expect(summarize(result.blocks)).toEqual(EXPECTED[file]!.blocks);
    expect(result.images.map((i) => scheme(i.src))).toEqual(EXPECTED[file]!.images);
    // Whatever came in is a valid article body.
    expect(ArticleInputSchema.safeParse({ body: result.blocks }).success).toBe(true);
  });
});

describe('paste: hostile and broken input', () => {
  it('runs no script and keeps no handler, style or unsafe link', () => {
    const result = paste(
      `<p onclick="alert(1)" style="color:red">Hallo <a href="javascript:alert(2)">Klick</a> <a href="data:text/html,x">Daten</a><img src=x onerror="alert(3)"></p><script>alert(4)</script><style>p{}</style><iframe src="https://evil.example"></iframe>`,
    );
    expect(summarize(result.blocks)).toEqual(['p: Hallo Klick Daten']);
    expect(JSON.stringify(result)).not.toMatch(/alert|onclick|color|iframe|evil/);
  });

  it('survives broken markup and keeps its text', () => {
    // The HTML parser reopens <b><i> around the stray item, as a browser would show it; a list nested
    // inside that wrapper keeps its text, but marks from outside an item do not carry into it.
    expect(summarize(paste('<p>offen <b>fett <i>beides</p><li>lose<ul><li>tief').blocks)).toEqual([
      'p: offen **fett** **_beides_**',
      '- **_lose_**',
      '- tief',
    ]);
    expect(paste('').blocks).toEqual([]);
    expect(paste('<p>\u00a0</p><p>   </p>').blocks).toEqual([]);
  });

  it('drops tracked deletions and comments, keeps insertions and struck-through text', () => {
    const html = `<p>Die <del>alte</del><ins>neue</ins> Stadt <s>fiel</s><span class=MsoCommentReference><a href="#_msocom_1">[A1]</a></span></p><div style="mso-element:comment-list"><p>Kommentar: prüfen</p></div><p>Text<a href="#cmnt1" id="cmnt_ref1">[a]</a></p>`;
    expect(summarize(paste(html).blocks)).toEqual(['p: Die neue Stadt fiel', 'p: Text']);
  });
});

describe('paste: plain text', () => {
  it('splits at blank lines and joins hard-wrapped lines', () => {
    expect(
      textToBlocks('Die Stadt fiel\nam Donnerstag.\n\nKampf um die letzte Bastion\n\n\nhaz/qu (afp, dpa)\n'),
    ).toEqual([
      { type: 'paragraph', children: [{ text: 'Die Stadt fiel am Donnerstag.' }] },
      { type: 'paragraph', children: [{ text: 'Kampf um die letzte Bastion' }] },
      { type: 'paragraph', children: [{ text: 'haz/qu (afp, dpa)' }] },
    ]);
  });

  it('gives a paragraph per line when there are no blank lines', () => {
    expect(
      textToBlocks('eins\r\nzwei\n  \u00a0drei  ').map((b) => (b.type === 'paragraph' ? b.children[0] : null)),
    ).toEqual([{ text: 'eins' }, { text: 'zwei' }, { text: 'drei' }]);
  });
});

describe('paste: where pictures go', () => {
  it.each([
    ['<img src="data:image/png;base64,AA" alt="vorn"><p>a</p><p>b</p>', 0],
    ['<p>a</p><img src="data:image/png;base64,AA"><p>b</p>', 1],
    ['<p>a <img src="data:image/png;base64,AA"> b</p><p>c</p>', 1],
    ['<p>a</p><p>b</p><img src="data:image/png;base64,AA">', 2],
  ])('%s → after %i block(s)', (html, position) => {
    const result = paste(html);
    expect(result.images).toEqual([expect.objectContaining({ position })]);
  });
});

describe('paste: no-break spaces', () => {
  it('keeps a lone no-break space between words and collapses spacing runs', () => {
    expect(paste('<p>rund 40&nbsp;Prozent der Stadt</p>').blocks).toEqual([
      { type: 'paragraph', children: [{ text: 'rund 40\u00a0Prozent der Stadt' }] },
    ]);
    expect(
      paste('<p>&nbsp;&nbsp;2Foo <span style="mso-spacerun:yes">&nbsp;&nbsp;</span>3Bar&nbsp;</p>').blocks,
    ).toEqual([{ type: 'paragraph', children: [{ text: '2Foo 3Bar' }] }]);
    expect(textToBlocks('Nr.\u00a05 und  \u00a0 mehr')).toEqual([
      { type: 'paragraph', children: [{ text: 'Nr.\u00a05 und mehr' }] },
    ]);
  });
});
