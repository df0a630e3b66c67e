import { useState } from 'react';

interface Props {
  /** The address last used, to start from. */
  url: string | null;
  onSignIn(url: string, account: string, password: string): Promise<void>;
  onCancel(): void;
}

/** Joining a newsroom server: its address, the account an admin made, and its password (asked once). */
export function ServerSignIn({ url: lastUrl, onSignIn, onCancel }: Props) {
  const [url, setUrl] = useState(lastUrl ?? '');
  const [account, setAccount] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="server-sign-in"
      aria-label="Join a newsroom server"
      onSubmit={(e) => {
        e.preventDefault();
        setProblem(null);
        setBusy(true);
        onSignIn(url.trim(), account.trim(), password)
          .catch((err: Error) => setProblem(err.message))
          .finally(() => setBusy(false));
      }}
    >
      <p>
        Join your newsroom’s server: this machine keeps working offline and sends its changes whenever the server can be
        reached.
      </p>
      <label>
        Server address
        <input
          value={url}
          required
          autoFocus
          placeholder="https://byline.newsroom.example"
          onChange={(e) => setUrl(e.target.value)}
        />
      </label>
      <label>
        Account
        <input
          value={account}
          required
          maxLength={100}
          autoComplete="username"
          onChange={(e) => setAccount(e.target.value)}
        />
      </label>
      <label>
        Password
        <input
          type="password"
          value={password}
          required
          autoComplete="current-password"
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {problem ? <p role="alert">{problem}</p> : null}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
