import fs from 'node:fs';
import { z } from 'zod';
import { writeFileDurably } from '../store/fsync';

const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(10000),
  height: z.number().int().min(480).max(10000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1200, height: 860, maximized: false };

/** The last window position and size; a missing or broken file gives the default, never an error. */
export function loadWindowState(file: string): WindowState {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  const parsed = WindowStateSchema.safeParse(state);
  if (parsed.success) writeFileDurably(file, JSON.stringify(parsed.data));
}

/** Puts a remembered window back on a visible display, or drops the position if no display shows it. */
export function fitToDisplays(
  state: WindowState,
  displays: { x: number; y: number; width: number; height: number }[],
): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const visible = displays.some((d) => x + 100 > d.x && x < d.x + d.width - 100 && y >= d.y && y < d.y + d.height - 50);
  return visible ? state : { width: state.width, height: state.height, maximized: state.maximized };
}
