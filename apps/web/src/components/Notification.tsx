import type { ReactNode } from 'react';

export type Severity = 'information' | 'positive' | 'caution' | 'negative';

interface NotificationProps {
  severity: Severity;
  title?: string;
  children: ReactNode;
  /** `alert` for what the user must act on now, `status` for what changed on its own. */
  role?: 'status' | 'alert';
  actions?: ReactNode;
  borderless?: boolean;
}

/** Vanilla's notification pattern; the severity picks the colour and the icon. */
export function Notification({
  severity,
  title,
  children,
  role,
  actions,
  borderless = false,
}: NotificationProps) {
  const className = `p-notification--${severity}${borderless ? ' is-borderless' : ''}`;
  return (
    <div className={className} role={role}>
      <div className="p-notification__content">
        {title && <h2 className="p-notification__title">{title}</h2>}
        <p className="p-notification__message">{children}</p>
      </div>
      {actions && (
        <div className="p-notification__meta">
          <div className="p-notification__actions">{actions}</div>
        </div>
      )}
    </div>
  );
}
