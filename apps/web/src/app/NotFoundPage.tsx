import { Link, useLocation } from 'react-router';
import { usePageTitle } from './use-page-title';

export function NotFoundPage() {
  const location = useLocation();
  usePageTitle('Page not found');
  return (
    <section aria-labelledby="not-found-title">
      <h1 className="p-heading--2" id="not-found-title">
        Page not found
      </h1>
      <p>
        There is no page at <code>{location.pathname}</code>. It may have moved, or the
        address may be mistyped.
      </p>
      <p>
        <Link to="/controllers">Go to the controllers</Link>
      </p>
    </section>
  );
}
