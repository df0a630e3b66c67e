import { useState } from 'react';
import { PROFILE_ROLES, ProfileSchema, type Profile } from '../../shared/model/profile';

const ROLE_LABELS: Record<Profile['role'], string> = {
  journalist: 'Journalist',
  desk: 'Desk editor',
  photo: 'Photo editor',
};

interface Props {
  profile: Profile | null;
  /** Who changes are recorded as until a profile is saved (the OS user). */
  fallback: string;
  onSave(profile: Profile): Promise<void>;
  onCancel?(): void;
}

/** Who works at this machine: asked on first start, recorded with every revision and comment. */
export function ProfileForm({ profile, fallback, onSave, onCancel }: Props) {
  const [name, setName] = useState(profile?.name ?? '');
  const [initials, setInitials] = useState(profile?.initials ?? '');
  const [role, setRole] = useState<Profile['role']>(profile?.role ?? 'journalist');
  const [problem, setProblem] = useState<string | null>(null);
  // What is wrong with each field, beside it, in the words the schema gives ("initials are one to six letters").
  const [fieldProblems, setFieldProblems] = useState<Partial<Record<'name' | 'initials', string>>>({});
  const check = (): boolean => {
    const parsed = ProfileSchema.safeParse({ name, initials, role });
    const found: Partial<Record<'name' | 'initials', string>> = {};
    for (const issue of parsed.error?.issues ?? []) {
      const field = issue.path[0];
      if ((field === 'name' || field === 'initials') && !found[field]) found[field] = issue.message;
    }
    setFieldProblems(found);
    return parsed.success;
  };
  return (
    <form
      className="profile-form"
      aria-label="Your profile"
      onSubmit={(e) => {
        e.preventDefault();
        setProblem(null);
        if (!check()) return;
        onSave({ name, initials, role }).catch((err: Error) => setProblem(err.message));
      }}
    >
      <p>{profile ? 'Your profile' : `Who is working here? Until you say, changes are recorded as "${fallback}".`}</p>
      <label>
        Name
        <input
          value={name}
          required
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          autoComplete="name"
          aria-invalid={!!fieldProblems.name}
          aria-describedby={fieldProblems.name ? 'name-problem' : undefined}
        />
      </label>
      {fieldProblems.name ? (
        <span id="name-problem" className="field-problem">
          Name: {fieldProblems.name}
        </span>
      ) : null}
      <label>
        Initials
        <input
          value={initials}
          required
          maxLength={6}
          onChange={(e) => setInitials(e.target.value)}
          aria-invalid={!!fieldProblems.initials}
          aria-describedby={fieldProblems.initials ? 'initials-problem initials-hint' : 'initials-hint'}
        />
      </label>
      {fieldProblems.initials ? (
        <span id="initials-problem" className="field-problem">
          Initials: {fieldProblems.initials}
          {initials.trim()
            ? ` (“${initials.trim()}” has ${/\P{L}/u.test(initials.trim()) ? 'a character that is not a letter' : 'too many letters'})`
            : ''}
        </span>
      ) : null}
      <span id="initials-hint" className="hint">
        as in your sign-off, e.g. haz
      </span>
      <label>
        Role
        <select value={role} onChange={(e) => setRole(e.target.value as Profile['role'])}>
          {PROFILE_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      {problem ? <p role="alert">{problem}</p> : null}
      <button type="submit" className="primary">
        Save profile
      </button>
      {onCancel ? (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </form>
  );
}
