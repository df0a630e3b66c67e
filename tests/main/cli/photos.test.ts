import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { endExiftool } from '../../../src/main/media/exiftool';
import type { PhotoUse } from '../../../src/shared/model/photo';
import { seedArticle } from '../../helpers/articles';
import { writeAgencyJpeg } from '../../helpers/agencyPhoto';
import { pngClaiming } from '../../helpers/images';
import { tempDir } from '../../helpers/tmp';
import { byline } from './run';

afterAll(() => endExiftool());

let dir: string;
let db: string;
let id: string;
let agencyJpeg: string;
beforeEach(async () => {
  dir = tempDir();
  db = path.join(dir, 'byline.db');
  const file = path.join(dir, 'a.json');
  fs.writeFileSync(file, JSON.stringify(seedArticle()));
  byline(['--db', db, 'profile', '--name', 'Petra Foto', '--initials', 'pf', '--role', 'photo']);
  id = (JSON.parse(byline(['--db', db, '--json', 'save', file]).stdout) as { article: { id: string } }).article.id;
  agencyJpeg = await writeAgencyJpeg(path.join(dir, 'afp-001.jpg'), 800, 600);
});

const photos = (...args: string[]) =>
  JSON.parse(byline(['--db', db, '--json', 'photos', ...args]).stdout) as PhotoUse[];

describe('byline attach / photos / credit', () => {
  it('attaches a picture with the caption and credit its file gives, and prints the asset id and the credit it built', () => {
    const r = byline(['--db', db, 'attach', id, agencyJpeg]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(
      /^asset [0-9a-f]{64}\ncredit Bild: Getty Images\/AFP\/A\. al-Rubaye\nadded to .+ as block 4 \(revision 2\); it still needs alt text\n$/,
    );
    const [use] = photos();
    expect(use).toMatchObject({
      articleId: id,
      block: 3,
      caption: 'Kämpfer in al-Qaim',
      credit: { provider: 'Getty Images', agency: 'AFP', creator: 'Ali al-Rubaye' },
      origin: { caption: 'file', credit: 'file' },
      problems: ['no alt text'],
    });
    expect(JSON.parse(byline(['--db', db, '--json', 'history', id]).stdout)[0]).toMatchObject({
      revision: 2,
      savedBy: 'Petra Foto (pf)',
    });
  });

  it('takes caption and credit from the command line, and lists pictures by what they lack', () => {
    expect(
      byline(['--db', db, 'attach', id, agencyJpeg, '--caption', 'Eigene Zeile', '--agency', 'AFP']).stdout,
    ).toMatch(/\ncredit Bild: AFP\n/);
    expect(photos()[0]).toMatchObject({
      caption: 'Eigene Zeile',
      credit: { agency: 'AFP' },
      origin: { caption: 'edited', credit: 'edited' },
    });
    expect(photos('--missing-credit')).toEqual([]);
    const text = byline(['--db', db, 'photos', '--missing-alt']).stdout;
    expect(text).toMatch(/^1 picture\n[0-9a-f]{12} {2}.+ #4 {2}Bild: AFP \[edited\] {2}IS-Kämpfer holen/);
    expect(text).toMatch(/\n {2}! no alt text\n$/);
  });

  it('sets credit parts in every article that uses the picture; a contradiction shows as a mismatch', () => {
    const asset = (JSON.parse(byline(['--db', db, '--json', 'attach', id, agencyJpeg]).stdout) as { asset: string })
      .asset;
    const r = byline(['--db', db, 'credit', asset.slice(0, 12), '--creator', 'Jane Roe', '--provider', '']);
    expect(r).toMatchObject({ code: 0, stdout: `Bild: AFP/J. Roe: changed in ${id}\n` });
    expect(photos('--mismatch')[0]!.problems).toEqual([
      'no alt text',
      'the photographer "Jane Roe" is not the file\'s creator "Ali al-Rubaye"',
    ]);
    expect(photos('--agency', 'afp')).toHaveLength(1);
    expect(byline(['--db', db, 'credit', asset])).toMatchObject({
      code: 1,
      stderr: 'byline: Give at least one of --provider, --agency, --creator or --credit.\n',
    });
    expect(byline(['--db', db, 'credit', 'abcdef0123', '--agency', 'dpa'])).toMatchObject({
      code: 1,
      stderr: 'byline: No image abcdef0123 in the store.\n',
    });
  });

  it('refuses what is not a usable picture by name, storing nothing', () => {
    const bomb = path.join(dir, 'bomb.png');
    fs.writeFileSync(bomb, pngClaiming(50_000, 50_000));
    const notes = path.join(dir, 'notes.jpg');
    fs.writeFileSync(notes, 'Dies ist kein Bild.');
    expect(byline(['--db', db, 'attach', id, bomb]).stderr).toMatch(
      /^byline: bomb\.png claims to be 50,000 × 50,000 pixels.*Nothing was stored\.\n$/,
    );
    expect(byline(['--db', db, 'attach', id, notes]).stderr).toMatch(
      /^byline: notes\.jpg is not a picture Byline can store/,
    );
    expect(byline(['--db', db, 'attach', id, path.join(dir, 'gone.jpg')]).stderr).toMatch(/gone\.jpg: no such file\./);
    expect(byline(['--db', db, 'attach', 'no-such-article', agencyJpeg])).toMatchObject({ code: 1 });
    expect(photos()).toEqual([]);
    expect(JSON.parse(byline(['--db', db, '--json', 'history', id]).stdout)).toHaveLength(1);
    expect(fs.existsSync(`${db}-assets`) ? fs.readdirSync(`${db}-assets`) : []).toEqual([]);
  });
});
