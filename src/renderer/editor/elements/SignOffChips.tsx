import { useState, type KeyboardEvent } from 'react';
import { formatSignOff, parseSignOff } from '../../../shared/format/signOff';
import type { SignOff } from '../../../shared/model/article';
import type { HouseStyle } from '../../../shared/houseStyle';

interface Props {
  value: SignOff;
  style: HouseStyle['signOff'];
  onChange(value: SignOff): void;
}

/**
 * Authors' initials and agency codes as chips. Type a whole line (`haz/qu (afp, dpa)`) or one
 * entry at a time: a word adds an author, `(dpa)` or `dpa)` adds an agency.
 */
export function SignOffChips({ value, style, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    const text = draft.trim();
    if (!text) return;
    const asAgency = /^\(?\s*([\p{L}\p{N}-]{1,12})\s*\)$/u.exec(text);
    const parsed = asAgency ? { authors: [], agencies: [asAgency[1]!.toLowerCase()] } : parseSignOff(text) ?? parseSignOff(`${text}/`);
    if (!parsed) {
      setProblem(`"${text}" is not a sign-off: use initials and agency codes, e.g. haz/qu (afp, dpa).`);
      return;
    }
    onChange({
      authors: [...new Set([...value.authors, ...parsed.authors])],
      agencies: [...new Set([...value.agencies, ...parsed.agencies])],
    });
    setDraft('');
    setProblem(null);
  };
  const remove = (kind: 'authors' | 'agencies', item: string) => onChange({ ...value, [kind]: value[kind].filter((x) => x !== item) });
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation(); // keep Slate's shortcuts out of this input
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && !draft) {
      if (value.agencies.length) remove('agencies', value.agencies.at(-1)!);
      else if (value.authors.length) remove('authors', value.authors.at(-1)!);
    }
  };

  const rendered = formatSignOff(value, style);
  return (
    <div className="signoff-chips">
      <ul aria-label="Sign-off authors and agencies" className="chips">
        {value.authors.map((a) => (
          <li key={`a-${a}`} className="chip author">
            {a}
            <button type="button" aria-label={`Remove author ${a}`} onClick={() => remove('authors', a)}>
              ×
            </button>
          </li>
        ))}
        {value.agencies.map((a) => (
          <li key={`g-${a}`} className="chip agency">
            {a}
            <button type="button" aria-label={`Remove agency ${a}`} onClick={() => remove('agencies', a)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        aria-label="Add to sign-off"
        placeholder="haz/qu (afp, dpa)"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
      />
      <output className="signoff-preview" aria-label="Sign-off as printed">
        {rendered || '—'}
      </output>
      {problem ? (
        <span role="alert" className="field-problem">
          {problem}
        </span>
      ) : null}
    </div>
  );
}
