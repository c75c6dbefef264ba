import type { ApiError } from '../lib/api-error';
import { Notification } from './Notification';

/** Where data failed to load for the first time: what failed and a way to retry. */
export function QueryErrorNotice({
  what,
  error,
  onRetry,
}: {
  what: string;
  error: ApiError;
  onRetry: () => void;
}) {
  return (
    <Notification
      severity="negative"
      title={`Could not load ${what}`}
      role="alert"
      actions={
        <button type="button" className="p-button is-small" onClick={onRetry}>
          Try again
        </button>
      }
    >
      {error.message}
    </Notification>
  );
}
