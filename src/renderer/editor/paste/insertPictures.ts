import { Editor, Path, Transforms } from 'slate';
import { BODY_INDEX, type BylineEditor } from '../schema';
import type { PastedImage } from '../../../shared/html/htmlToBlocks';
import { storedPictureBlock, type StorePicture } from './insertPictureFiles';

/**
 * Pictures in a paste: embedded ones (data: URLs) are stored and become image blocks where they
 * were in the paste, each awaiting a credit; pictures that point at files or the web cannot be
 * read by the page and are reported, not dropped silently. Places are held with path refs, as
 * storing takes a moment and the person may type on.
 */
export async function addPastedPictures(
  editor: BylineEditor,
  images: PastedImage[],
  startBlock: number,
  storePicture: StorePicture,
): Promise<string> {
  const embedded = images.filter((i) => i.src.startsWith('data:image/'));
  const elsewhere = images.length - embedded.length;
  // position 0: before the first pasted block; n: after the n-th.
  const anchors = embedded.map((i) => ({
    image: i,
    ref: Editor.pathRef(editor, [BODY_INDEX, Math.max(0, startBlock + i.position - (i.position > 0 ? 1 : 0))]),
    before: i.position === 0,
  }));
  const problems: string[] = [];
  let added = 0;
  let last: { position: number; ref: ReturnType<typeof Editor.pathRef> } | null = null;
  for (const [n, { image, ref, before }] of anchors.entries()) {
    try {
      const stored = await storePicture(`pasted-picture-${n + 1}`, image.src, 'paste');
      const body = editor.children[BODY_INDEX] as { children: unknown[] };
      const at: Path =
        last && last.position === image.position && last.ref.current
          ? Path.next(last.ref.current) // a second picture at the same place goes after the first
          : ref.current
            ? before
              ? ref.current
              : Path.next(ref.current)
            : [BODY_INDEX, body.children.length];
      // The paste's alt text wins; caption and credit come from the picture's own metadata, if any.
      Transforms.insertNodes(editor, storedPictureBlock(stored, image.alt), { at });
      last?.ref.unref();
      last = { position: image.position, ref: Editor.pathRef(editor, at) };
      added++;
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  for (const a of anchors) a.ref.unref();
  last?.ref.unref();
  const parts: string[] = [];
  if (added)
    parts.push(
      `${added} pasted picture${added === 1 ? '' : 's'} added: check each one's credit and alt text before it goes out.`,
    );
  if (elsewhere)
    parts.push(
      `${elsewhere} picture${elsewhere === 1 ? '' : 's'} in the paste point to files or the web and were not added; attach them from the file.`,
    );
  parts.push(...problems);
  return parts.join(' ');
}
