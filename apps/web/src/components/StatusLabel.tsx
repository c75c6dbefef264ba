import type { ReactNode } from 'react';

export type LabelTone = 'positive' | 'caution' | 'negative' | 'information' | 'neutral';

/** Vanilla's status label: a short coloured word beside a row's data. */
export function StatusLabel({
  tone,
  children,
}: {
  tone: LabelTone;
  children: ReactNode;
}) {
  const className = tone === 'neutral' ? 'p-status-label' : `p-status-label--${tone}`;
  return <span className={className}>{children}</span>;
}
