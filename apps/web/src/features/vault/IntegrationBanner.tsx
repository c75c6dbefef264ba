import { useQuery } from '@tanstack/react-query';
import type { IntegrationStatus } from '@vault-secrets/shared';
import { Link } from 'react-router';
import { integrationStatusQueryOptions } from './api';

/** What is left before the integration is complete, or null when nothing is shown. */
export function integrationBannerText(status: IntegrationStatus): string | null {
  if (status.state === 'partially-configured') {
    const left = status.controllerCount - status.configuredCount;
    return `${left} of ${status.controllerCount} controllers still need Vault configured.`;
  }
  if (status.state === 'ready-to-migrate') {
    return 'Every controller is configured; the secrets must be migrated to Vault.';
  }
  return null;
}

/** The admins' reminder, on every page, while the Vault integration is half done. */
export function IntegrationBanner({ isAdmin }: { isAdmin: boolean }) {
  const { data } = useQuery({ ...integrationStatusQueryOptions(), enabled: isAdmin });
  const text = isAdmin && data ? integrationBannerText(data) : null;
  if (text === null) return null;

  return (
    <div
      className="p-notification--caution integration-banner"
      role="status"
      aria-labelledby="integration-banner-title"
    >
      <div className="p-notification__content">
        {/* Not a heading: it comes before the page's h1 on every page. */}
        <div className="p-notification__title" id="integration-banner-title">
          Vault integration incomplete
        </div>
        <p className="p-notification__message">
          {text} <Link to="/settings/vault">Go to Vault settings</Link>
        </p>
      </div>
    </div>
  );
}
