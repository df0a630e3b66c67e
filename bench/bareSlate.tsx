// A bare Slate editor (no Byline plugins, default rendering, body chunked like Byline's) for the
// editor benchmark: it separates what Slate itself costs from what Byline's structure adds.
import { createRoot } from 'react-dom/client';
import { createEditor, type Descendant } from 'slate';
import { Editable, Slate, withReact } from 'slate-react';

declare global {
  interface Window {
    __paragraphs: string[];
  }
}

const editor = withReact(createEditor());
editor.getChunkSize = (node) => (node === editor ? 100 : null);
const value = window.__paragraphs.map((text) => ({
  type: 'paragraph',
  children: [{ text }],
})) as unknown as Descendant[];
createRoot(document.getElementById('root')!).render(
  <Slate editor={editor} initialValue={value}>
    <Editable id="ed" style={{ whiteSpace: 'pre-wrap' }} />
  </Slate>,
);
