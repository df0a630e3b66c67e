import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHouseStyle } from '../../src/main/houseStyleFile';
import { defaultDataDir, houseStylePath, resolveDbPath } from '../../src/main/paths';
import { DEFAULT_HOUSE_STYLE } from '../../src/shared/houseStyle';
import { tempDir } from '../helpers/tmp';

describe('data locations', () => {
  it('match where Electron keeps userData for a product named Byline', () => {
    expect(defaultDataDir('linux', {}, '/home/anna')).toBe('/home/anna/.config/Byline');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/anna')).toBe('/cfg/Byline');
    expect(defaultDataDir('darwin', {}, '/Users/anna')).toBe('/Users/anna/Library/Application Support/Byline');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\anna\\AppData\\Roaming' }, 'C:\\Users\\anna')).toBe(
      'C:\\Users\\anna\\AppData\\Roaming\\Byline',
    );
  });

  it('prefer --db, then BYLINE_DB, then the app file', () => {
    expect(resolveDbPath('/x/flag.db', { BYLINE_DB: '/x/env.db' })).toBe('/x/flag.db');
    expect(resolveDbPath(undefined, { BYLINE_DB: '/x/env.db' })).toBe('/x/env.db');
    expect(resolveDbPath(undefined, {})).toBe(path.join(defaultDataDir(), 'byline.db'));
    expect(houseStylePath('/data/byline.db', {})).toBe('/data/house-style.json');
    expect(houseStylePath('/data/byline.db', { BYLINE_HOUSE_STYLE: '/etc/style.json' })).toBe('/etc/style.json');
  });
});

describe('house-style file', () => {
  it('gives the defaults when absent and merges a partial file', () => {
    const dir = tempDir();
    expect(loadHouseStyle(path.join(dir, 'none.json'))).toEqual(DEFAULT_HOUSE_STYLE);
    const file = path.join(dir, 'house-style.json');
    fs.writeFileSync(file, JSON.stringify({ credit: { prefix: 'Foto:' }, limits: { headline: 80 } }));
    const style = loadHouseStyle(file);
    expect(style.credit).toMatchObject({ prefix: 'Foto:', template: '{provider}/{agency}/{creator}' });
    expect(style.limits).toMatchObject({ headline: 80, teaser: 300 });
  });

  it('refuses a broken file, naming file and field', () => {
    const file = path.join(tempDir(), 'house-style.json');
    fs.writeFileSync(file, '{ "credit": ');
    expect(() => loadHouseStyle(file)).toThrow(/house-style\.json is not valid JSON/);
    fs.writeFileSync(file, JSON.stringify({ statuses: [{ id: 'draft', label: 'Draft' }], initialStatus: 'new' }));
    expect(() => loadHouseStyle(file)).toThrow(/initialStatus: unknown status "new"/);
  });

  it('ships a default file equal to the built-in defaults', () => {
    const shipped = JSON.parse(fs.readFileSync(path.resolve('resources/house-style.default.json'), 'utf8'));
    expect(loadHouseStyle(path.resolve('resources/house-style.default.json'))).toEqual(DEFAULT_HOUSE_STYLE);
    expect(shipped).toEqual(JSON.parse(JSON.stringify(DEFAULT_HOUSE_STYLE)));
  });
});
