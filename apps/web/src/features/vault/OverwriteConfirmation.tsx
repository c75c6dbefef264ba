import { useId } from 'react';

interface OverwriteConfirmationProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  error: string | undefined;
}

/** The explicit yes that replacing a controller's existing Vault settings needs. */
export function OverwriteConfirmation({
  checked,
  onChange,
  error,
}: OverwriteConfirmationProps) {
  const id = useId();
  return (
    <div
      className={`p-form-validation${error ? ' is-error' : ''} overwrite-confirmation`}
    >
      <p>
        This controller already has a Vault configuration. Submitting replaces it; the old
        AppRole login stops being used.
      </p>
      <label className="p-checkbox">
        <input
          type="checkbox"
          className="p-checkbox__input"
          name="overwrite"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <span className="p-checkbox__label">Overwrite the existing configuration</span>
      </label>
      {error && (
        <p className="p-form-validation__message" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
