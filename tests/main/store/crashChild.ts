// Run by crash.test.ts in its own process: saves in a loop and prints "ACK id revision headline"
// after each save has returned. The parent kills this process with SIGKILL at random moments.
import fs from 'node:fs';
import { Store } from '../../../src/main/store/store';

const [dbPath, runTag] = process.argv.slice(2) as [string, string];
const store = Store.open(dbPath);
// Continue on the least recently saved article, so histories grow across runs.
const oldest = store.articles.list({ limit: 1000 }).items.at(-1);
let article = oldest ? store.articles.get(oldest.id) : store.articles.create({ headline: `start ${runTag}` }, 'crash');
fs.writeSync(1, `ACK ${article.id} ${article.revision} ${article.headline}\n`);
for (let i = 0; ; i++) {
  if (i % 7 === 6) {
    const fresh = store.articles.create(
      { headline: `neu ${runTag}-${i}`, body: [{ type: 'paragraph', children: [{ text: 'x'.repeat(i * 10) }] }] },
      'crash',
    );
    fs.writeSync(1, `ACK ${fresh.id} ${fresh.revision} ${fresh.headline}\n`);
    continue;
  }
  const headline = `lauf ${runTag} schritt ${i}`;
  article = store.articles.save(
    {
      ...article,
      headline,
      body: [
        ...article.body.slice(-20),
        { type: 'paragraph', children: [{ text: `Absatz ${runTag}/${i} ${'Text '.repeat(50)}` }] },
      ],
    },
    'crash',
  ).article;
  fs.writeSync(1, `ACK ${article.id} ${article.revision} ${article.headline}\n`);
}
