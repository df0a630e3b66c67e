import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  saveWindowState,
} from '../../../src/main/electron/windowState';
import { tempDir } from '../../helpers/tmp';

describe('window state', () => {
  it('remembers position, size and maximised state', () => {
    const file = path.join(tempDir(), 'window-state.json');
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    saveWindowState(file, { x: 40, y: 60, width: 1000, height: 700, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 40, y: 60, width: 1000, height: 700, maximized: true });
  });

  it('falls back to the default for a broken or absurd file', () => {
    const file = path.join(tempDir(), 'window-state.json');
    fs.writeFileSync(file, '{"width": 3');
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    fs.writeFileSync(file, JSON.stringify({ width: 10, height: 10 }));
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('drops a position that no display shows any more', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    const onScreen = { x: 100, y: 100, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(onScreen, displays)).toEqual(onScreen);
    expect(fitToDisplays({ ...onScreen, x: 3000 }, displays)).toEqual({ width: 1000, height: 700, maximized: false });
  });
});
