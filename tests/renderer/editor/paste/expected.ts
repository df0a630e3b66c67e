/**
 * What each clipboard fixture in ../shared/fixtures/clipboard/ must paste as, written down after
 * reading each source file. Notation: `p:` paragraph, `h:` subhead, `q:` quote, `- ` bulleted and
 * `1. ` numbered list items, **bold**, _italic_, [text](url). `images` lists where the pictures in
 * the paste point (they need storing and a credit; file: pictures cannot be read by a page).
 *
 * The rules these show:
 * - headings (h1–h6, also Word headings that are list items) become subheads, without the bold a
 *   word processor puts on them; a "title" that is only large text stays a paragraph;
 * - lists stay lists, Word's mso-list paragraphs included; nested lists are flattened in order
 *   (the model has one level), and Word's typed bullets ("·", "1.") are dropped;
 * - bold and italic come from tags or from font-weight/font-style, so Google Docs' wrapper
 *   <b style="font-weight:normal"> is not bold and Word's mso-bidi-font-weight is ignored;
 * - links keep http(s) and mailto; links into the copied document (#heading, #bookmark) become text;
 * - tables become a paragraph per row with cells separated by " | "; page breaks, colours, fonts,
 *   alignment, comments and tracked deletions go; struck-through text stays;
 * - whitespace collapses as a browser renders it, and never sits at the edge of a mark or link.
 * Some fixtures were copied from a partial selection, hence fragments such as "ted items" or "Som".
 */
export const EXPECTED: Record<string, { blocks: string[]; images: string[] }> = {
  'google-docs/cke4__Basic_chrome.html': {
    blocks: [
      'p: [**CKSource**](https://www.cksource.com) **Newsletter**',
      'h: We have a surprise!',
      'p: Lorem ipsum dolor sit amet, consectetuer adipiscing.',
      'p: by Your Name on September 04',
      'p: Lorem ipsum dolor sit amet, consectetuer adipiscing elit, sed diam nonummy nibh euismod tincidunt ut laoreet dolore magna aliquam erat volutpat. Ut wisi enim ad minim veniam, quis nostrud exerci tation ullamcorper suscipit lobortis nisl ut aliquip ex ea commodo consequat.',
      'p: Simple | Table',
      'p: From | GDocs',
      '1. Some simple list',
      '1. With nested items',
      '1. Some simple list',
      '1. With nested items',
      '1. Some simple list',
      '1. With nested items',
      '1. Some simple list',
      '1. _With_ nested items',
      '1. Some simple list',
      '1. With **nested** items',
      '1. Some simple list',
      '1. With nestem items',
    ],
    images: [],
  },
  'google-docs/cke4__NestedOrderedLists_chrome.html': {
    blocks: ['1. ted items', '1. Some list', '1. With nested items', '1. Some list', '1. With nested items', '1. Som'],
    images: [],
  },
  'google-docs/cke4__NestedUnorderedLists_chrome.html': {
    blocks: [
      '- ted items',
      '- Some list',
      '- With nested items',
      '- Some list',
      '- With nested items',
      '- Some list',
      '- With nested items',
      '- Som',
    ],
    images: [],
  },
  'google-docs/cke5__bold-wrapper_simple-text-windows_input.firefox.html': {
    blocks: ['p: Hello world'],
    images: [],
  },
  'google-docs/cke5__bold-wrapper_simple-text_input.firefox.html': {
    blocks: ['p: Hello world'],
    images: [],
  },
  'google-docs/cke5__br-paragraph_simple-paragraphs_input.html': {
    blocks: ['h: A', 'p: B'],
    images: [],
  },
  'google-docs/cke5__lists_mixed-list_input.html': {
    blocks: ['1. 1', '- A', '1. 1', '1. 2', '1. 3', '- A', '- B', '- A', '1. 1', '1. 2'],
    images: [],
  },
  'google-docs/cke5__lists_partially-selected_input.html': {
    blocks: ['1. F5', '1. G3', '1. H3', '1. I4', '1. J4', '1. K1', '1. L5', '1. M4', '1. N3', '1. O2'],
    images: [],
  },
  'google-docs/gdocs2md__code-inline.copy.html': {
    blocks: [
      'p: This is a test of inline code formatting.',
      'p: Text that is monospaced should be interpreted as code.',
      'p: How about inline with multiple colors . Or with multiple _styles_ .',
    ],
    images: [],
  },
  'google-docs/gdocs2md__headings-with-inline-formatting.copy.html': {
    blocks: [
      'p: This is a test of inline formatting in headings.',
      'h: Heading with bold and emphasized text',
      'p: Normal text',
      'h: All bold heading',
      'p: Normal text',
    ],
    images: [],
  },
  'google-docs/gdocs2md__internal-links.copy.html': {
    blocks: [
      'p: This is a test of intra-document links to headings and bookmarks.',
      'p: Link to the first heading.',
      'p: Link to the second heading.',
      'p: Link to the third heading.',
      'p: Link to the first bookmark.',
      'p: Link to the second bookmark.',
      'h: First heading',
      'p: Hello World.',
      'p: First bookmark.',
      'h: Second heading',
      'p: Hello World.',
      'h: Second heading',
      'p: The heading name is intentionally repeated to ensure we get different IDs.',
      'p: Second bookmark.',
    ],
    images: [],
  },
  'google-docs/gdocs2md__suggestions.copy.html': {
    blocks: [
      'p: This is a test of sugargested changes toin documents.',
      'p: This tests some **suggested changes** that overlap formatting boundaries.',
    ],
    images: [],
  },
  'google-docs/gdocs2md__titles-and-empty-headings.copy.html': {
    blocks: [
      'p: This is a test of handling titles and empty headings. They should not break heading links.',
      'p: Document title!',
      'p: Normal text. The next line is an empty heading.',
      'h: Non-empty Heading',
      'p: Normal text 2.',
    ],
    images: [],
  },
  'libreoffice/cke4__Basic_styles_libreoffice6_firefox.html': {
    blocks: [
      'p: Basic inline styles',
      'p: **bold**',
      'p: _italic_',
      'p: underline',
      'p: strikethrough',
      'p: superscript',
      'p: subscript',
    ],
    images: [],
  },
  'libreoffice/cke4__Font_color_libreoffice6_firefox.html': {
    blocks: ['p: Background color', 'p: Font color', 'p: Mixed background and font color'],
    images: [],
  },
  'libreoffice/cke4__Font_libreoffice6_firefox.html': {
    blocks: [
      'p: Different font sizes: 6, 8, 10, 12, 16, 24, 32, 48, 80',
      'p: Different font face: Courier New, Verdana, Times New Roman, Arial.',
    ],
    images: [],
  },
  'libreoffice/cke4__Heading_alignment_libreoffice6_firefox.html': {
    blocks: ['h: I’m the centered heading', 'h: I’m the left-aligned heading', 'h: I’m the right-aligned heading'],
    images: [],
  },
  'libreoffice/cke4__ImagesExtraction_DrawnObject_libreoffice7_chrome.html': {
    blocks: [],
    images: ['file'],
  },
  'libreoffice/cke4__ImagesExtraction_DuplicatedImage_libreoffice7_firefox.html': {
    blocks: ['p: Some text', 'p: Lorem ipsum'],
    images: ['file', 'file'],
  },
  'libreoffice/cke4__ImagesExtraction_InHeaderFooterComplex_libreoffice7_chrome.html': {
    blocks: ['p: Image 1:', 'p: Some text'],
    images: ['file', 'file'],
  },
  'libreoffice/cke4__ImagesExtraction_InHeaderFooterCurlyBraces_libreoffice7_firefox.html': {
    blocks: ['p: Image 1:'],
    images: ['file'],
  },
  'libreoffice/cke4__ImagesExtraction_InHeader_libreoffice7_chrome.html': {
    blocks: ['p: Image 1:', 'p: Image 2:'],
    images: ['file', 'file'],
  },
  'libreoffice/cke4__ImagesExtraction_UnsupportedFormats_libreoffice7_firefox.html': {
    blocks: ['p: EMF picture', 'p: WMF picture', 'p: PNG picture'],
    images: ['file', 'file', 'file'],
  },
  'libreoffice/cke4__Images_Linked_image_libreoffice6_chrome.html': {
    blocks: [],
    images: ['file'],
  },
  'libreoffice/cke4__Images_Multi_feature_document_libreoffice6_chrome.html': {
    blocks: [
      'p: This is a **sample** document. Use it to test the _Paste from Google Docs_ plugin in CKEditor 4.',
      'h: Preserving original formatting',
      'p: _CKEditor 4 is famous for its best-in-class support for pasting from external applications such as Google Docs, Microsoft Word and Excel._',
      "p: What is extremely important, though, is that CKEditor 4 lets you preserve the **author's intentions** by retaining the original structure and formatting, and adjusting it to the styles you are using in your WYSIWYG editor.",
      '1. Item One',
      '1. **_Item Two_**',
      '1. Item Three',
      '1. Item Four: A line **with** some extra text that moves to _the_ next line. Let’s see if the list gets displayed properly!',
      '1. Item Five in color and Courier New font',
      '1. Item Six in a larger font',
      'p: ½ | 1 | **_2_**',
      'p: This (Georgia) Is (Verdana) A Multi Level Ordered List | This Is A Multi Level Unordered List | Cell 1,2',
      'p: Left Right Center | Comic Sans… **RAINBOW**',
    ],
    images: ['file'],
  },
  'libreoffice/cke4__Images_Simple_image_libreoffice6_chrome.html': {
    blocks: ['p: Foo', 'p: bar'],
    images: ['file'],
  },
  'libreoffice/cke4__Images_Transformed_libreoffice6_chrome.html': {
    blocks: [],
    images: ['file', 'file', 'file', 'file', 'file'],
  },
  'libreoffice/cke4__Link_libreoffice6_chrome.html': {
    blocks: ['p: Simple text [link](http://example.com/).'],
    images: [],
  },
  'libreoffice/cke4__Lists_libreoffice6_chrome.html': {
    blocks: [
      'p: Ordered list:',
      '1. list 1',
      '1. list 1.1',
      '1. list 1.2',
      '1. list 1.2.1',
      '1. list 1.2.2',
      '1. list 2',
      '1. list 2.1',
      '1. list 2.2',
      '1. list 3',
      '1. list 4',
      '1. list 4.1',
      '1. list 4.1.1',
      '1. list 4.1.1.1',
      '1. list 4.1.2',
      '1. list 4.2',
      'p: Unordered list:',
      '- list A',
      '- list B',
      '- list B.A',
      '- list B.B',
      '- list B.B.A',
      '- list B.B.A.A',
      '- list B.C',
      '- list C',
      '- list C.A',
      '- list C.A.A',
      '- list C.B',
      '- list D',
      '- list D.A',
    ],
    images: [],
  },
  'libreoffice/cke4__Mixed_list_libreoffice6_chrome.html': {
    blocks: [
      'p: Mixed list:',
      '- AAA',
      '- BBB',
      '- CCC',
      '1. 111',
      '1. 222',
      '1. 333',
      '- AAA',
      '- BBB',
      '1. 111',
      '1. 222',
    ],
    images: [],
  },
  'libreoffice/cke4__Page_break_libreoffice6_chrome.html': {
    blocks: [
      'p: Page 1 par 1',
      'p: Page 1 par 2',
      'p: Page 1 par 3',
      'p: Page 2 par 1',
      'p: Page 2 par 2',
      'p: Page 2 par 3',
      'p: Page 3 par 1',
      'p: Page 3 par 2',
      'p: Page 3 par 3',
    ],
    images: [],
  },
  'libreoffice/cke4__Paragraph_format_libreoffice6_chrome.html': {
    blocks: [
      'h: Heading 1',
      'h: Heading 2',
      'h: Heading 3',
      'h: Heading 4',
      'h: Heading 5',
      'h: Heading 6',
      'p: Regular Paragraph',
      'q: Block Quote',
      'p: Formatted block',
    ],
    images: [],
  },
  'libreoffice/cke4__Simple_table_libreoffice6_chrome.html': {
    blocks: [
      'p: **Project Phase** | **Deadline** | **Status**',
      'p: Phase 1: Market research | 2019-08-15 | ✓',
      'p: Phase 2: Editor implementation | 2019-08-20 | ✓',
      'p: Phase 3: Rollout to Production | 2019-08-22 | ✓',
    ],
    images: [],
  },
  'libreoffice/cke4__Simple_text_libreoffice6_chrome.html': {
    blocks: ['p: Simple text'],
    images: [],
  },
  'libreoffice/cke4__Table_background_libreoffice6_chrome.html': {
    blocks: ['p: foo | bar | baz', 'p: 111 | 222 | 333'],
    images: [],
  },
  'libreoffice/cke4__Text_align_libreoffice6_chrome.html': {
    blocks: [
      'p: Text with no alignment.',
      'p: Text align: right',
      'p: Text align: center',
      'p: Text align: left',
      'p: Text align: justify',
    ],
    images: [],
  },
  'word/cke5__basic-styles_multiple-styles-multiline_input.word2016.html': {
    blocks: [
      'p: Line **bold** and _italics_',
      'p: Line **foo** bar',
      'p: Third line **styling,** **_space on e_****nd**',
    ],
    images: [],
  },
  'word/cke5__bookmark_other_input.word.html': {
    blocks: [
      'p: [Link (not a bookmark).](http://ckeditor.com/)',
      '- List item 1',
      '- List item 2',
      '- List item 3',
      'p: Two bookmarks on the same text.',
    ],
    images: [],
  },
  'word/cke5__image_alternative-text_input.word2016.html': {
    blocks: [],
    images: ['file'],
  },
  'word/cke5__image_linked_input.word2016.html': {
    blocks: [],
    images: ['file'],
  },
  'word/cke5__link_combined_input.word2016.html': {
    blocks: ['p: [CKEditor](https://ckeditor.com/)[CKSource](https://cksource.com/) 2'],
    images: [],
  },
  'word/cke5__list_heading3-styled_input.word2016.html': {
    blocks: ['h: H2 1', 'h: H2 2'],
    images: [],
  },
  'word/cke5__list_multiple-combined_input.word2016.html': {
    blocks: ['1. Item1', '1. Item 2', '1. Item 1', '1. Item2'],
    images: [],
  },
  'word/cke5__list_nested-mixed_input.word2016.html': {
    blocks: ['- A1', '1. B2', '- C4', '1. D3', '- E1', '1. F2'],
    images: [],
  },
  'word/cke5__other_smart-tags_input.html': {
    blocks: [
      'p: **A/K:**',
      'p: **T ID: 1**',
      'p: **ID 1 –adXY**',
      'p: M for F Der Transactions with XXXX SYXE dated 06th March 2013',
      'p: Type of Entity: XXXX company',
      'p: Jurisdiction: Germany',
      'p: **C:** Addendum covering',
      'p: One-Way: Two Way',
      'p: Go: German',
      'p: Sub: N/A',
      'p: Ind: zero',
      'p: Thresholds: R: zero',
      'p: Co: zero',
      'p: Minimum Transfer Amount: R: EUR1million',
      'p: Counterparty: EUR1million',
      'p: Rounding: R: EUR1million',
      'p: Co: EUR1million',
      "p: M re to EUR 2,000 (and rounding to EUR 1,000) if either party's rating falls below C/C2",
      'p: **El 2-day C:** Yes',
      'p: **ID 1 –addfSE**',
      'p: M A for F D Transactions with XXXX SETXY dated 06th March 2013',
      'p: Type of Entity: XXX company',
      'p: Jurisdiction: Germany',
      'p: **ID 1 – fSETXX**',
      'p: Master Agreement for Financial Derivatives Transactions with XXXX STXY dated 06th March 2013',
      'p: Type of Entity: XXX company',
      'p: Jurisdiction: Germany',
      'p: **GID XXXXX –adE**',
      'p: Master Agreement for Financial Derivatives Transactions with XYZ COMPANY SE dated 06th March 2013',
      'p: Type of Entity: XXXYYY company',
      'p: Jurisdiction: Germany',
    ],
    images: [],
  },
  'word/cke5__page-break_page-break_input.html': {
    blocks: ['p: foo', 'p: bar'],
    images: [],
  },
  'word/cke5__spacing_multi-line_input.word2016.html': {
    blocks: ['p: 2Foo 3Bar4', 'p: 03', 'p: 21'],
    images: [],
  },
  'word/cke5__table_tablecellproperties_input.html': {
    blocks: [
      'p: **Project Phase** | **Deadline** | **Status**',
      'p: Phase 1: Market research | 2019-10-15 | ✓',
      'p: Phase 2: Editor features implementation | 2019-10-20 | ✓',
      'p: Phase 3: Rollout to Production | 2019-10-22 | ✓',
    ],
    images: [],
  },
};
