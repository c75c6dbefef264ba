import { useId } from 'react';
import type { InputHTMLAttributes, Ref } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  error?: string | undefined;
  help?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input with Vanilla's validation styling; the error is tied to the input. */
export function TextField({
  label,
  error,
  help,
  type = 'text',
  ...inputProps
}: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const describedBy = [error ? errorId : null, help ? helpId : null]
    .filter(Boolean)
    .join(' ');

  return (
    <div className={`p-form__group p-form-validation${error ? ' is-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="p-form__control">
        <input
          id={id}
          type={type}
          className="p-form-validation__input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...inputProps}
        />
        {error && (
          <p className="p-form-validation__message" id={errorId}>
            {error}
          </p>
        )}
        {help && (
          <p className="p-form-help-text" id={helpId}>
            {help}
          </p>
        )}
      </div>
    </div>
  );
}
