import { useLayoutEffect, useRef, type MutableRefObject } from 'react';

/**
 * Keys typed while an article is being opened (after "New article", Enter on a row) are kept
 * here and handed to the editor once it has the caret, so a headline typed at once is not lost
 * to a page that has nothing focused. Line breaks are kept: Enter moves on, as in the editor.
 */
export function TypeAhead({ into }: { into: MutableRefObject<string> }) {
  const box = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    box.current?.focus();
  }, []);
  return (
    <textarea
      ref={box}
      className="visually-hidden"
      aria-label="Opening the article; what you type goes into it"
      defaultValue={into.current}
      onChange={(e) => {
        into.current = e.target.value;
      }}
    />
  );
}
