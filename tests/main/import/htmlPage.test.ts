import { describe, expect, it } from 'vitest';
import { importHtml } from '../../../src/main/import/html';

const ctx = { fileName: 'page.html', hasAsset: () => false };
const read = (html: string) => importHtml(Buffer.from(html), ctx);

const WHOLE_PAGE = `<!doctype html><html lang="de"><head><title>Stromnetz ausgefallen | Das Magazin</title>
<meta name="description" content="In der Nacht trafen Drohnen zwei Umspannwerke.">
</head><body>
<header><a href="/">Das Magazin</a><nav><a href="/politik">Politik</a> <a href="/wirtschaft">Wirtschaft</a> <a href="/sport">Sport</a></nav></header>
<div class="page"><div class="col">
  <h1>Stromnetz in Charkiw nach Angriff ausgefallen</h1>
  <p class="intro">In der Nacht trafen Drohnen zwei Umspannwerke.</p>
  <div class="share"><a href="#">Teilen</a> <a href="#">Drucken</a></div>
  <div class="text">
    <p>Die Angriffe begannen kurz nach Mitternacht. Nach Angaben der Stadtverwaltung schlugen mindestens elf Drohnen im Norden und Osten von Charkiw ein, zwei davon in Umspannwerken.</p>
    <figure><img src="https://cdn.example/charkiw.jpg" alt=""><figcaption>Reparaturtrupp bei minus acht Grad. Foto: Efrem Lukatsky/AP</figcaption></figure>
    <h2>Warten auf die Generatoren</h2>
    <p>In Schulen und Verwaltungsgebäuden öffnete die Stadt sogenannte Wärmepunkte. Dort können Menschen ihre Telefone laden, einen Tee trinken und sich aufwärmen.</p>
    <p>Der Netzbetreiber erklärte, die Schäden seien erheblich. Ein Teil der Versorgung könne über Umleitungen wiederhergestellt werden, für den Rest fehlen Transformatoren.</p>
  </div>
</div>
<aside><h3>Mehr zum Thema</h3><ul><li><a href="/a">Wie die Ukraine ihr Netz schützt</a></li><li><a href="/b">Analyse: Drohnenangriffe</a></li></ul></aside>
</div><footer><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></footer></body></html>`;

describe('an HTML page that does not mark its article', () => {
  it('finds the article with Readability: headline from the page, teaser once, subheads and pictures kept, furniture left out', () => {
    const { article, warnings } = read(WHOLE_PAGE);
    expect(article).toMatchObject({
      headline: 'Stromnetz in Charkiw nach Angriff ausgefallen',
      teaser: 'In der Nacht trafen Drohnen zwei Umspannwerke.',
      language: 'de',
    });
    expect(article.body.map((b) => b.type)).toEqual(['paragraph', 'image', 'subhead', 'paragraph', 'paragraph']);
    expect(article.body[1]).toMatchObject({
      type: 'image',
      assetId: null,
      caption: 'Reparaturtrupp bei minus acht Grad.',
      credit: { agency: 'AP', creator: 'Efrem Lukatsky' },
      source: 'https://cdn.example/charkiw.jpg',
    });
    const all = JSON.stringify(article);
    for (const furniture of ['Impressum', 'Mehr zum Thema', 'Teilen', 'Wirtschaft'])
      expect(all).not.toContain(furniture);
    expect(warnings).toEqual([
      'The picture "Reparaturtrupp bei minus acht Grad." came without its file: attach the file to it in the article.',
    ]);
  });

  it('takes what a browser puts on the clipboard (a fragment of the page) the same way', () => {
    const fragment = `<html><body><!--StartFragment--><h1>Stromnetz in Charkiw nach Angriff ausgefallen</h1>${WHOLE_PAGE.slice(WHOLE_PAGE.indexOf('<p class="intro">'), WHOLE_PAGE.indexOf('<aside>'))}<!--EndFragment--></body></html>`;
    const { article } = read(fragment);
    expect(article.headline).toBe('Stromnetz in Charkiw nach Angriff ausgefallen');
    expect(article.body.filter((b) => b.type === 'paragraph')).toHaveLength(3);
  });

  it('keeps the JSON-LD picture with its caption and credit, waiting for its file', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Stromnetz ausgefallen',
      image: {
        '@type': 'ImageObject',
        url: 'https://cdn.example/lead.jpg',
        caption: 'Dunkle Straßen in Charkiw',
        creditText: 'Getty Images/AFP',
        creator: { '@type': 'Person', name: 'Sergey Bobok' },
      },
    };
    const html = WHOLE_PAGE.replace(
      '</head>',
      `<script type="application/ld+json">${JSON.stringify(ld)}</script></head>`,
    );
    const { article } = read(html);
    expect(article.body[0]).toEqual({
      type: 'image',
      assetId: null,
      caption: 'Dunkle Straßen in Charkiw',
      credit: { provider: 'Getty Images', agency: 'AFP', creator: 'Sergey Bobok' },
      alt: '',
      source: 'https://cdn.example/lead.jpg',
    });
  });

  it.each([
    [
      'a front page',
      `<html><head><title>Das Magazin</title></head><body><nav><a href="/">Start</a></nav><h1>Das Magazin</h1><ul>${['Stromnetz ausgefallen', 'Kabinett beschließt Rente', 'Lawinengefahr steigt', 'Spätes Tor rettet Freiburg'].map((t) => `<li><a href="/${t.length}">${t}</a></li>`).join('')}</ul><footer>Impressum</footer></body></html>`,
    ],
    [
      'a sign-in page',
      '<html><head><title>Anmelden</title></head><body><h1>Anmelden</h1><form><label>E-Mail</label><input><label>Passwort</label><input type="password"><button>Anmelden</button></form><p><a href="/reset">Passwort vergessen?</a></p></body></html>',
    ],
    [
      'an error page',
      '<html><head><title>404</title></head><body><h1>Seite nicht gefunden</h1><p>Die Seite existiert leider nicht mehr.</p><p><a href="/">Zur Startseite</a></p></body></html>',
    ],
  ])('refuses %s: no article found, nothing stored', (_what, html) => {
    expect(() => read(html)).toThrow('No article found in page.html');
  });
});
