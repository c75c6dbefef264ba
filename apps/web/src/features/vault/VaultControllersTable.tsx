import type { Controller } from '@vault-secrets/shared';
import type { RefObject } from 'react';
import { OnlineLabel } from '../../components/OnlineLabel';
import { RelativeTime } from '../../components/RelativeTime';
import { StatusLabel } from '../../components/StatusLabel';
import { describeVaultState, VAULT_STATE_EXPLANATIONS } from './vault-state';

interface VaultControllersTableProps {
  controllers: Controller[];
  isAdmin: boolean;
  onConfigure: (controller: Controller) => void;
  /** Each row's Configure button by controller id, so focus can return to it. */
  configureButtons?: RefObject<Map<string, HTMLButtonElement>>;
}

function VaultStateCell({ controller }: { controller: Controller }) {
  const state = describeVaultState(controller);
  return (
    <>
      <StatusLabel tone={state.tone}>{state.label}</StatusLabel>
      {state.detail && <p className="vault-state-detail">{state.detail}</p>}
      {controller.vaultConfiguredAt && (
        <p className="u-text--muted vault-state-detail">
          Configured <RelativeTime iso={controller.vaultConfiguredAt} />
        </p>
      )}
    </>
  );
}

export function VaultControllersTable(props: VaultControllersTableProps) {
  const { controllers, isAdmin, onConfigure, configureButtons } = props;
  return (
    <>
      <table aria-label="Controllers and their Vault state" className="vault-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Last seen</th>
            <th scope="col">Vault state</th>
            {isAdmin && (
              <th scope="col" className="u-align--right">
                Actions
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {controllers.map((controller) => (
            <tr key={controller.id}>
              <th scope="row">{controller.name}</th>
              <td>
                <OnlineLabel online={controller.online} />
              </td>
              <td>
                <RelativeTime iso={controller.lastSeen} />
              </td>
              <td>
                <VaultStateCell controller={controller} />
              </td>
              {isAdmin && (
                <td className="u-align--right">
                  <button
                    type="button"
                    className="p-button is-small u-no-margin--bottom"
                    onClick={() => onConfigure(controller)}
                    ref={(button) => {
                      if (button) configureButtons?.current.set(controller.id, button);
                      else configureButtons?.current.delete(controller.id);
                    }}
                    aria-label={`Configure ${controller.name}`}
                  >
                    Configure
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <details className="vault-state-legend">
        <summary>What the Vault states mean</summary>
        <dl>
          {VAULT_STATE_EXPLANATIONS.map((entry) => (
            <div key={entry.label}>
              <dt>{entry.label}</dt>
              <dd>{entry.meaning}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}
