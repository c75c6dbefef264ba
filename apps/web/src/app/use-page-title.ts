import { useEffect } from 'react';

/** Keeps the browser tab (and screen readers' page announcements) in step with the page. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Vault secrets`;
  }, [title]);
}
