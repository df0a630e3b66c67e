import { useState, type KeyboardEvent } from 'react';
import {
  formatSignOff,
  mergeSignOff,
  parseSignOffEntry,
  type SignOffEntryProblem,
} from '../../../shared/format/signOff';
import type { SignOff } from '../../../shared/model/article';
import type { HouseStyle } from '../../../shared/houseStyle';

interface Props {
  value: SignOff;
  style: HouseStyle['signOff'];
  onChange(value: SignOff): void;
}

const describeProblem = (p: SignOffEntryProblem) =>
  `“${p.text}” is not a sign-off: use initials and agency codes, e.g. haz/qu (afp, dpa).`;

/**
 * Authors' initials and agency codes as chips. The box takes a whole line (`haz/qu (afp, dpa)`)
 * or a part of one, read with the sign-off grammar when the person presses Enter or leaves the
 * box; commas and brackets are text until then. What is not understood stays in the box.
 */
export function SignOffChips({ value, style, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<SignOffEntryProblem | null>(null);
  const pending = parseSignOffEntry(draft);

  const commit = () => {
    if (!draft.trim()) return;
    if (!pending.ok) {
      setProblem(pending.problem);
      return;
    }
    onChange(mergeSignOff(value, pending.value));
    setDraft('');
    setProblem(null);
  };
  const remove = (kind: 'authors' | 'agencies', item: string) =>
    onChange({ ...value, [kind]: value[kind].filter((x) => x !== item) });
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation(); // keep Slate's shortcuts out of this input
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Backspace' && !draft) {
      if (value.agencies.length) remove('agencies', value.agencies.at(-1)!);
      else if (value.authors.length) remove('authors', value.authors.at(-1)!);
    }
  };

  // The preview shows the line as it will print, the words still in the box included.
  const rendered = formatSignOff(pending.ok ? mergeSignOff(value, pending.value) : value, style);
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
        data-go="signOff"
        data-local-undo=""
        aria-invalid={!!problem}
        aria-describedby={problem ? 'signoff-problem' : undefined}
        placeholder="haz/qu (afp, dpa)"
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          setProblem(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
      <output className="signoff-preview" aria-label="Sign-off as printed">
        {rendered || '—'}
      </output>
      {problem ? (
        <span role="alert" id="signoff-problem" className="field-problem">
          {describeProblem(problem)}
        </span>
      ) : null}
    </div>
  );
}
