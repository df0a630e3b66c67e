import { describe, expect, it } from 'vitest';
import { importMarkdown } from '../../../src/main/import/markdown';

const read = (md: string) => importMarkdown(Buffer.from(md), { fileName: 'post.md', hasAsset: () => false });

describe('Markdown import', () => {
  it('reads a static-site post: YAML front matter in plain values, body with marks, links, lists, quotes', () => {
    const { article, warnings } = read(`---
title: Storm hits the coast
author: Jane Roe
date: 2024-02-01T08:30:00+01:00
tags: storm, weather
description: Winds of 140 km/h.
lang: en-GB
---

Trees fell **everywhere** and *roads* closed; see [the map](https://example.org/map).

## What to do

1. Stay inside
2. Charge your phone

> It was loud.

![A fallen tree](https://cdn.example.com/tree.jpg)
`);
    expect(article).toMatchObject({
      headline: 'Storm hits the coast',
      byline: 'Jane Roe',
      publishedAt: '2024-02-01T07:30:00.000Z',
      keywords: ['storm', 'weather'],
      teaser: 'Winds of 140 km/h.',
      language: 'en-GB',
    });
    expect(article.body).toEqual([
      {
        type: 'paragraph',
        children: [
          { text: 'Trees fell ' },
          { text: 'everywhere', bold: true },
          { text: ' and ' },
          { text: 'roads', italic: true },
          { text: ' closed; see ' },
          { type: 'link', url: 'https://example.org/map', children: [{ text: 'the map' }] },
          { text: '.' },
        ],
      },
      { type: 'subhead', children: [{ text: 'What to do' }] },
      { type: 'list', ordered: true, items: [[{ text: 'Stay inside' }], [{ text: 'Charge your phone' }]] },
      { type: 'quote', children: [{ text: 'It was loud.' }] },
    ]);
    expect(warnings).toEqual([
      'The picture "https://cdn.example.com/tree.jpg" was left out: its file is not part of the import.',
    ]);
  });

  it('takes the first level-one heading as the headline when there is no front matter, and drops raw HTML scripts and unsafe links', () => {
    const { article } = read('# Wahl in Hessen\n\nDie [CDU](javascript:alert(1)) gewinnt.<script>alert(1)</script>\n');
    expect(article.headline).toBe('Wahl in Hessen');
    expect(article.body).toEqual([{ type: 'paragraph', children: [{ text: 'Die CDU gewinnt.' }] }]);
  });
});
