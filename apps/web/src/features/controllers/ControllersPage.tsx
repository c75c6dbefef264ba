import { useQuery } from '@tanstack/react-query';
import type { Controller } from '@vault-secrets/shared';
import { Loading } from '../../components/Loading';
import { OnlineLabel } from '../../components/OnlineLabel';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { RelativeTime } from '../../components/RelativeTime';
import { controllersQueryOptions } from './api';

function ControllersTable({ controllers }: { controllers: Controller[] }) {
  if (controllers.length === 0) {
    return <p>No region controller has registered yet. Start one and it appears here.</p>;
  }
  return (
    <table aria-labelledby="controllers-title">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">URL</th>
          <th scope="col">Status</th>
          <th scope="col">Last seen</th>
        </tr>
      </thead>
      <tbody>
        {controllers.map((controller) => (
          <tr key={controller.id}>
            <th scope="row">{controller.name}</th>
            <td>
              <code className="nowrap">{controller.url}</code>
            </td>
            <td>
              <OnlineLabel online={controller.online} />
            </td>
            <td>
              <RelativeTime iso={controller.lastSeen} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** /controllers: every region controller of the cluster and whether it is alive. */
export function ControllersPage() {
  const controllers = useQuery(controllersQueryOptions());

  return (
    <section aria-labelledby="controllers-title">
      <h1 className="p-heading--2" id="controllers-title">
        Controllers
      </h1>
      <p className="u-text--muted">
        Region controllers sharing this cluster&apos;s database. A controller is online
        while its heartbeat is recent.
      </p>
      {controllers.isPending && <Loading what="controllers" />}
      {controllers.isError && !controllers.data && (
        <QueryErrorNotice
          what="the controllers"
          error={controllers.error}
          onRetry={() => void controllers.refetch()}
        />
      )}
      {controllers.data && <ControllersTable controllers={controllers.data} />}
    </section>
  );
}
