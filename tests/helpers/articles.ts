import type { ArticleInput } from '../../src/shared/model/article';
import type { Block } from '../../src/shared/model/blocks';

/** The seed article (DW, 10 Nov 2017) as Byline's model, written out by hand. */
export function seedArticle(assetId?: string): ArticleInput {
  return {
    language: 'de',
    rubric: 'Politik',
    headline: 'IS-Kämpfer holen Teile von Albu Kamal zurück',
    teaser:
      'Erst war von Militärerfolgen die Rede, jetzt folgt die Ernüchterung: die Syrische Beobachtungsstelle berichtet, dass die IS-Terrormiliz nach ihrer Vertreibung aus Albu Kamal wieder große Teile der Stadt kontrolliert.',
    publishedAt: '2017-11-10T00:00:00.000Z',
    keywords: ['Syrien', 'IS', 'Albu Kamal'],
    signOff: { authors: ['haz', 'qu'], agencies: ['afp', 'dpa'] },
    body: [
      ...(assetId
        ? [
            {
              type: 'image' as const,
              assetId,
              caption: 'Syrien al-Qaim Krieg Kämpfe gegen den IS',
              credit: { provider: 'Getty Images', agency: 'AFP', creator: 'Ali al-Rubaye' },
              alt: 'Kämpfer in al-Qaim',
            },
          ]
        : []),
      {
        type: 'paragraph',
        children: [
          {
            text: 'Die Dschihadistenmiliz "Islamischer Staat" habe einen Gegenangriff gestartet. Es sei ihr gelungen, rund 40 Prozent der Stadt zurückzuerobern.',
          },
        ],
      },
      { type: 'subhead', children: [{ text: 'Kampf um die letzte Bastion' }] },
      {
        type: 'paragraph',
        children: [
          {
            text: 'Wie die oppositionsnahe Beobachtungsstelle erklärte, brachten die Dschihadisten dann aber überraschend mehrere Viertel im Norden von Albu Kamal wieder in ihre Gewalt.',
          },
        ],
      },
    ],
  };
}

/** About `words` words of German-looking prose in paragraphs of ~80 words. */
export function longBody(words: number, seed = 1): Block[] {
  const vocab = [
    'die',
    'Stadt',
    'Kämpfer',
    'Grenze',
    'Armee',
    'berichtet',
    'Beobachtungsstelle',
    'Nachrichten',
    'Regierung',
    'Verhandlungen',
    'heute',
    'gestern',
    'Wüste',
    'Luftwaffe',
    'Prozent',
    'Bastion',
  ];
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  const paragraphs: Block[] = [];
  for (let done = 0; done < words; done += 80) {
    const text = Array.from({ length: Math.min(80, words - done) }, () => vocab[next() % vocab.length]).join(' ');
    paragraphs.push({ type: 'paragraph', children: [{ text: `${text}.` }] });
  }
  return paragraphs;
}
