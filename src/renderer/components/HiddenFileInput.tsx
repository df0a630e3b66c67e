import { forwardRef } from 'react';

interface Props {
  accept: string;
  label: string;
  testId: string;
  onFiles(files: File[]): void;
}

/**
 * The page's only way to a file dialog: a hidden input that a button clicks. It is emptied after
 * each choice, so choosing the same file again is noticed.
 */
export const HiddenFileInput = forwardRef<HTMLInputElement, Props>(function HiddenFileInput(
  { accept, label, testId, onFiles },
  ref,
) {
  return (
    <input
      ref={ref}
      type="file"
      accept={accept}
      multiple
      hidden
      aria-label={label}
      data-testid={testId}
      onChange={(e) => {
        const files = Array.from(e.target.files ?? []);
        e.target.value = '';
        if (files.length) onFiles(files);
      }}
    />
  );
});
