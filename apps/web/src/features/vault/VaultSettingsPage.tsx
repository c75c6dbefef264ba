import { useQuery } from '@tanstack/react-query';
import type { Controller } from '@vault-secrets/shared';
import { DEFAULT_SECRETS_MOUNT } from '@vault-secrets/shared';
import { useEffect, useRef, useState } from 'react';
import { Loading } from '../../components/Loading';
import { Notification } from '../../components/Notification';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { integrationStatusQueryOptions } from './api';
import type { CommandDraft } from './CommandLineSection';
import { CommandLineSection } from './CommandLineSection';
import { ConfigureVaultForm } from './ConfigureVaultForm';
import { MigrateSection } from './MigrateSection';
import { VaultControllersTable } from './VaultControllersTable';

const EMPTY_DRAFT: CommandDraft = {
  url: '',
  secretsPath: '',
  secretsMount: DEFAULT_SECRETS_MOUNT,
};

/** /settings/vault: configure each controller, migrate, or do the same from a shell. */
export function VaultSettingsPage({ isAdmin }: { isAdmin: boolean }) {
  const status = useQuery(integrationStatusQueryOptions());
  const [configuringId, setConfiguringId] = useState<string | null>(null);
  const [configuredMessage, setConfiguredMessage] = useState<string | null>(null);
  const [draft, setDraft] = useState<CommandDraft>(EMPTY_DRAFT);
  const configuredRef = useRef<HTMLDivElement>(null);
  const configureButtons = useRef(new Map<string, HTMLButtonElement>());

  // The form closes on success: the news takes the focus it had, so it is read out.
  useEffect(() => {
    if (configuredMessage !== null) configuredRef.current?.focus();
  }, [configuredMessage]);

  // Looked up on every poll, so the form sees the controller's current state.
  const configuring =
    status.data?.controllers.find((c) => c.id === configuringId) ?? null;

  function openForm(controller: Controller) {
    setConfiguredMessage(null);
    setConfiguringId(controller.id);
  }

  function closeForm() {
    const id = configuringId;
    setConfiguringId(null);
    // Back to the row's Configure button, where the keyboard user started.
    if (id !== null) configureButtons.current.get(id)?.focus();
  }

  function configured(controller: Controller) {
    setConfiguringId(null);
    setConfiguredMessage(
      `Vault is configured on ${controller.name}: it unwrapped its secret_id, logged in and wrote a test secret.`,
    );
  }

  return (
    <section aria-labelledby="vault-settings-title">
      <h1 className="p-heading--2" id="vault-settings-title">
        Vault settings
      </h1>
      <p className="u-text--muted">
        Step 1: configure every region controller with Vault. Step 2: migrate the secrets,
        once. From then on every controller reads its secrets from Vault.
      </p>
      {!isAdmin && (
        <p>Configuring controllers and migrating the secrets need an administrator.</p>
      )}
      {configuredMessage && (
        <div ref={configuredRef} tabIndex={-1} className="focus-target">
          <Notification severity="positive" title="Configured" role="status">
            {configuredMessage}
          </Notification>
        </div>
      )}
      {status.isPending && <Loading what="the Vault status" />}
      {status.isError && !status.data && (
        <QueryErrorNotice
          what="the Vault status"
          error={status.error}
          onRetry={() => void status.refetch()}
        />
      )}
      {status.data && (
        <>
          <section aria-labelledby="controllers-vault-title" className="settings-section">
            <h2 className="p-heading--4" id="controllers-vault-title">
              Controllers ({status.data.configuredCount} of {status.data.controllerCount}{' '}
              configured)
            </h2>
            <VaultControllersTable
              controllers={status.data.controllers}
              isAdmin={isAdmin}
              onConfigure={openForm}
              configureButtons={configureButtons}
            />
          </section>
          {isAdmin && configuring && (
            <ConfigureVaultForm
              key={configuring.id}
              controller={configuring}
              onConfigured={configured}
              onCancel={closeForm}
              onDraftChange={setDraft}
            />
          )}
          <MigrateSection status={status.data} />
        </>
      )}
      <CommandLineSection draft={draft} />
    </section>
  );
}
