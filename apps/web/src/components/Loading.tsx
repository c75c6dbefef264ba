/** A short, announced loading line; no spinner that never ends (queries time out). */
export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="u-text--muted">
      Loading {what}…
    </p>
  );
}
