// Captions as pages print them next to a picture that did not come along.
import { splitCaptionCredit } from '../../../shared/format/credit';

const CAPTION_LABEL = /^(?:image|photo|picture|bild|foto)\s*(?:caption|unterschrift|beschreibung)\s*[,:]\s*/i;

/** A caption without the label broadcasters print before it ("Image caption, …"). */
export const captionText = (line: string) => line.replace(CAPTION_LABEL, '');

// Spanish and Italian papers end a caption with the photographer in capitals and the agency in brackets.
const CAPS_CREDIT = /^(.+?[.!?])\s+(\p{Lu}[\p{Lu}'’.-]*(?:\s+\p{Lu}[\p{Lu}'’.-]*){0,4})\s+\((\p{L}[\p{L} -]{1,20})\)$/u;

export interface InlineCredit {
  caption: string;
  /** The printed credit, or its parts when the shape names them. */
  credit: string | { creator: string; agency: string };
}

/** A caption ending in its credit on one line ("A tram in Lisbon. Photograph: Pedro Nunes/Reuters"), or null. */
export function inlineCredit(line: string): InlineCredit | null {
  if (line.length >= 300) return null;
  const caps = CAPS_CREDIT.exec(line);
  if (caps) return { caption: caps[1]!, credit: { creator: caps[2]!, agency: caps[3]! } };
  const { caption, credit } = splitCaptionCredit(line);
  return caption && credit && credit.length < 80 ? { caption, credit } : null;
}
