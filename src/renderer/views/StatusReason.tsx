import { useEffect, useState } from 'react';
import type { HouseStyle } from '../../shared/houseStyle';
import type { RevisionInfo } from '../../shared/model/storeReports';
import { currentStatusStep, statusLabel, statusOf } from '../../shared/workflow';
import type { Client } from '../api/client';

const when = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });

/**
 * Why the article is where it is, when the house style asks for a reason (sent back to the
 * author, spiked): who said it, when, and the words, at the top of the article until someone
 * moves it on. The desk's reason must reach the author, not wait in the history.
 */
export function StatusReason({
  client,
  articleId,
  status,
  revision,
  houseStyle,
}: {
  client: Client;
  articleId: string;
  status: string;
  revision: number;
  houseStyle: HouseStyle;
}) {
  const [step, setStep] = useState<RevisionInfo | null>(null);
  const needsReason = statusOf(houseStyle, status)?.reasonRequired ?? false;
  useEffect(() => {
    if (!needsReason) {
      setStep(null);
      return;
    }
    let live = true;
    client.invoke('articles.history', { id: articleId }).then(
      (revisions) => live && setStep(currentStatusStep(revisions)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, articleId, status, revision, needsReason]);
  if (!needsReason || !step || step.status !== status || !step.note) return null;
  const label = statusLabel(houseStyle, status);
  return (
    <section className="status-reason" role="note" aria-label={`${label}: reason`}>
      <p className="status-reason-head">
        <strong>{label}</strong> · {step.savedBy} · <time dateTime={step.savedAt}>{when(step.savedAt)}</time>
      </p>
      <blockquote dir="auto">{step.note}</blockquote>
    </section>
  );
}
