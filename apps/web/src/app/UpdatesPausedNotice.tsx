import { Notification } from '../components/Notification';
import { useBackgroundRefreshFailing } from '../lib/connection-status';

/**
 * The one, quiet sign that background refreshes fail: the page keeps what it last
 * received and says so, instead of a toast per failed poll.
 */
export function UpdatesPausedNotice() {
  const failing = useBackgroundRefreshFailing();
  return (
    <div role="status" className="updates-paused">
      {failing && (
        <Notification severity="information" title="Updates paused" borderless>
          The controller is not answering, so this page shows what it last received. It
          keeps retrying and resumes by itself.
        </Notification>
      )}
    </div>
  );
}
