import type { DOMPurify } from 'dompurify';

/** The tags the mapper understands; anything else is removed but its text is kept. */
const ALLOWED_TAGS = [
  'p',
  'div',
  'span',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'font',
  'center',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'strike',
  'sub',
  'sup',
  'small',
  'big',
  'mark',
  'cite',
  'q',
  'a',
  'br',
  'img',
  'hr',
  'del',
  'ins',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
];
// style and class carry Word's and Google Docs' hints (mso-list, font-weight); they are read, never kept.
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'style', 'class', 'id'];

/**
 * Sanitizes clipboard HTML into a detached, inert document (DOMPurify parses with DOMParser; no
 * script runs, no image loads, nothing touches the page). Comments, scripts, styles, Office XML
 * islands and event handlers go; text inside unknown tags stays.
 */
export function sanitizeClipboardHtml(purify: DOMPurify, html: string): DocumentFragment {
  return purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    KEEP_CONTENT: true,
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ['style', 'script', 'template', 'xml', 'meta', 'link', 'title', 'head'],
    ALLOW_DATA_ATTR: false,
    // file: images (Word, LibreOffice) are kept only so the paste can say which pictures it could not
    // take; this fragment is never put into the page, so nothing is loaded. Links are checked again.
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|file:|data:image\/(?:png|jpeg|gif|webp);base64,)/i,
  });
}
