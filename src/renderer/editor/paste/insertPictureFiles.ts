import { Editor, Path, Transforms } from 'slate';
import type { AssetAdded } from '../../../shared/ipc/contract';
import { MAX_PICTURE_BYTES } from '../../../shared/model/photo';
import { BODY_INDEX, type BylineEditor, type ImageElement } from '../schema';

/** Stores a picture (a data: URL) in the main process: what it was stored as, and what its file said. */
export type StorePicture = (
  fileName: string,
  dataUrl: string,
  source: 'paste' | 'drop' | 'file',
) => Promise<AssetAdded>;

/** The image block for a stored picture: caption and credit as its file suggests them. */
export function storedPictureBlock(stored: AssetAdded, alt: string): ImageElement {
  return {
    type: 'image',
    assetId: stored.id,
    caption: stored.suggested.caption,
    credit: stored.suggested.credit,
    alt,
    children: [{ text: '' }],
  };
}

/** Where files may be pictures: the name or the type says so (HEIC often comes without a type). */
const PICTURE_NAME = /\.(jpe?g|png|webp|gif|tiff?|heic|heif)$/i;
export const PICTURE_ACCEPT =
  'image/jpeg,image/png,image/webp,image/gif,image/tiff,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.gif,.tif,.tiff,.heic,.heif';

export function looksLikePicture(file: File): boolean {
  return file.type.startsWith('image/') || PICTURE_NAME.test(file.name);
}

export function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () =>
      reject(
        new Error(`${file.name} cannot be read (${reader.error?.message ?? 'unknown error'}). Nothing was stored.`),
      );
    reader.readAsDataURL(file);
  });
}

/** How many pictures are read and stored at once: both cores busy, memory still bounded. */
const AT_ONCE = 2;

/** Runs `tasks` with at most `n` in flight; the promises come back in the tasks' order. */
function limited<T>(tasks: (() => Promise<T>)[], n: number): Promise<T>[] {
  let active = 0;
  const waiting: (() => void)[] = [];
  return tasks.map(async (task) => {
    while (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  });
}

/**
 * Picture files (dropped, pasted or chosen) become image blocks after body block `afterBlock`
 * (-1: at the start), in order, each with the caption and credit its file suggests. Each file is
 * stored on its own (two at a time): one refused file is named in the notice and the others
 * still come in. Each appears as soon as it and those before it are stored. The place is held
 * with a path ref, as storing takes a moment and the person may type on.
 */
export async function insertPictureFiles(
  editor: BylineEditor,
  files: File[],
  afterBlock: number,
  source: 'paste' | 'drop' | 'file',
  store: StorePicture,
): Promise<string> {
  const body = () => (editor.children[BODY_INDEX] as { children: unknown[] }).children;
  const anchor =
    afterBlock >= 0 && afterBlock < body().length ? Editor.pathRef(editor, [BODY_INDEX, afterBlock]) : null;
  const storing = limited(
    files.map((file) => async () => {
      if (file.size > MAX_PICTURE_BYTES)
        throw new Error(
          `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; pictures may be at most ${MAX_PICTURE_BYTES / 1048576} MB. Nothing was stored.`,
        );
      return store(file.name, await readAsDataUrl(file), source);
    }),
    AT_ONCE,
  );
  // A refusal is reported in order below; until then it must not count as unhandled.
  for (const p of storing) p.catch(() => undefined);
  let last: ReturnType<typeof Editor.pathRef> | null = null;
  const added: string[] = [];
  const problems: string[] = [];
  for (const [i, pending] of storing.entries()) {
    try {
      const stored = await pending;
      const at: Path = last?.current
        ? Path.next(last.current)
        : anchor?.current
          ? Path.next(anchor.current)
          : afterBlock < 0
            ? [BODY_INDEX, 0]
            : [BODY_INDEX, body().length];
      Transforms.insertNodes(editor, storedPictureBlock(stored, ''), { at });
      last?.unref();
      last = Editor.pathRef(editor, at);
      added.push(files[i]!.name);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  anchor?.unref();
  last?.unref();
  const parts: string[] = [];
  if (added.length)
    parts.push(`Added ${added.join(', ')}: check the caption and credit taken from the file, and write alt text.`);
  return [...parts, ...problems].join('\n');
}
