import { useState } from 'react';
import { PROFILE_ROLES, type Profile } from '../../shared/model/profile';

const ROLE_LABELS: Record<Profile['role'], string> = { journalist: 'Journalist', desk: 'Desk editor', photo: 'Photo editor' };

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
  return (
    <form
      className="profile-form"
      aria-label="Your profile"
      onSubmit={(e) => {
        e.preventDefault();
        setProblem(null);
        onSave({ name, initials, role }).catch((err: Error) => setProblem(err.message));
      }}
    >
      <p>{profile ? 'Your profile' : `Who is working here? Until you say, changes are recorded as "${fallback}".`}</p>
      <label>
        Name
        <input value={name} required maxLength={100} onChange={(e) => setName(e.target.value)} autoComplete="name" />
      </label>
      <label>
        Initials
        <input value={initials} required maxLength={6} onChange={(e) => setInitials(e.target.value)} aria-describedby="initials-hint" />
      </label>
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
