import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { chromiumPrintToPdf, findChromiumBinary } from '../../../src/main/export/chromiumPdf';
import { exportPdfProof, unbreakableCredits } from '../../../src/main/export/pdf';
import type { Store } from '../../../src/main/store/store';
import type { Article } from '../../../src/shared/model/article';
import { openSeedStore } from '../../helpers/seedStore';
import { missingPrerequisite } from '../../helpers/prerequisites';

let store: Store;
let seed: Article;
beforeEach(() => {
  ({ store, seed } = openSeedStore(undefined, 10));
  return () => store.close();
});

async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n').replace(/\s+/g, ' ');
}

const chromium = findChromiumBinary();
if (!chromium)
  missingPrerequisite('the PDF proof tests', 'no Chromium (apt-get install chromium, or set BYLINE_CHROMIUM)');

describe('PDF proof', () => {
  it.skipIf(!chromium)(
    'prints the article on A4 through headless Chromium, with its proof slug, credit and sign-off',
    async () => {
      const pdf = await exportPdfProof(seed, store, chromiumPrintToPdf, new Date('2026-11-25T10:00:00Z'));
      const text = await pdfText(pdf);
      expect(text).toContain('PROOF · revision 1 · draft · printed 2026-11-25 10:00 UTC · not for publication');
      expect(text).toContain('IS-Kämpfer holen Teile von Albu Kamal zurück');
      // Each credit part is a run of its own (so a name never breaks); the extractor puts spaces between runs.
      expect(text).toMatch(/Bild: Getty Images ?\/ ?AFP ?\/ ?A\. al-Rubaye/);
      expect(text).toContain('Kampf um die letzte Bastion');
      expect(text).toContain('haz/qu (afp, dpa)');
      expect(text).toContain('Page 1 of 1');
    },
    60_000,
  );

  it('keeps names in a credit together: it breaks only after a separator', () => {
    expect(
      unbreakableCredits(
        '<figcaption><small class="credit" data-x="1">Bild: Getty Images/AFP/A. al-Rubaye</small></figcaption>',
      ),
    ).toBe(
      '<figcaption><small class="credit" data-x="1"><span class="nobreak">Bild: Getty Images</span>/<wbr><span class="nobreak">AFP</span>/<wbr><span class="nobreak">A. al-Rubaye</span></small></figcaption>',
    );
  });

  it('writes nothing when the printer hands back something that is not a PDF', async () => {
    await expect(exportPdfProof(seed, store, async () => Buffer.from('<html>oops</html>'))).rejects.toThrow(
      'The PDF proof came out incomplete, so it was not written.',
    );
  });
});
