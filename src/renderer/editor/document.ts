import type { Descendant } from 'slate';
import type { Article, SignOff } from '../../shared/model/article';
import { bodyToSlate, slateToBody } from './convert';
import {
  BODY_INDEX,
  FIELD_TYPES,
  SIGNOFF_INDEX,
  type BodyElement,
  type FieldElement,
  type FieldType,
  type SignOffElement,
} from './schema';

/** The parts of an article the structured document holds; metadata lives beside it. */
export type DocumentFields = Pick<Article, FieldType | 'body' | 'signOff'>;

function field(type: FieldType, text: string): FieldElement {
  return { type, children: [{ text }] };
}

export function documentFromArticle(article: DocumentFields): Descendant[] {
  return [
    ...FIELD_TYPES.map((t) => field(t, article[t])),
    { type: 'body', children: bodyToSlate(article.body) },
    {
      type: 'signoff',
      authors: [...article.signOff.authors],
      agencies: [...article.signOff.agencies],
      children: [{ text: '' }],
    },
  ];
}

/** Reads the fields back; the document is normalized, so the layout is known. */
export function fieldsFromDocument(doc: readonly Descendant[]): DocumentFields {
  const text = (i: number) => (doc[i] as FieldElement).children.map((c) => c.text).join('');
  const signOff = doc[SIGNOFF_INDEX] as SignOffElement;
  const so: SignOff = { authors: [...signOff.authors], agencies: [...signOff.agencies] };
  return {
    rubric: text(0),
    kicker: text(1),
    headline: text(2),
    teaser: text(3),
    body: slateToBody((doc[BODY_INDEX] as BodyElement).children),
    signOff: so,
  };
}
