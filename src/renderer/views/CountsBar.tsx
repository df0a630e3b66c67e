import type { HouseStyle } from '../../shared/houseStyle';
import { countCharacters, readingMinutes } from '../../shared/format/counts';
import type { Counts } from '../editor/counting';
import type { FieldType } from '../editor/schema';

interface Props {
  body: Counts;
  fields: Record<FieldType, string>;
  limits: HouseStyle['limits'];
}

/** Live counts and per-field length meters against the house-style limits. */
export function CountsBar({ body, fields, limits }: Props) {
  const meters: [FieldType, string][] = [
    ['headline', 'Headline'],
    ['teaser', 'Teaser'],
    ['kicker', 'Kicker'],
    ['rubric', 'Rubric'],
  ];
  return (
    <div className="counts" aria-label="Counts">
      <span data-testid="word-count">{body.words.toLocaleString()} words</span>
      <span>{body.characters.toLocaleString()} characters</span>
      <span>{readingMinutes(body.words)} min read</span>
      {meters.map(([field, label]) => {
        const length = countCharacters(fields[field]);
        const limit = limits[field];
        const over = length > limit;
        return (
          <span key={field} className={over ? 'meter over' : 'meter'} data-testid={`meter-${field}`} title={over ? `${label} is ${length - limit} characters over the house limit of ${limit}` : undefined}>
            {label} {length}/{limit}
            {over ? ' — too long' : ''}
          </span>
        );
      })}
    </div>
  );
}
