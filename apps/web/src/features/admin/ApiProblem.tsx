import type { InputHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../../api/client';

/**
 * Why the API refused a change, in the person's language, with what to do next; the API's own
 * message (in English, naming the field) follows for the details.
 */
export function ApiProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const status = error instanceof ApiError ? error.status : undefined;
  const lead =
    error instanceof NetworkError
      ? t('error.network')
      : status === 409
        ? t('admin.problem.conflict')
        : status === 400 || status === 422
          ? t('admin.problem.input')
          : status === 404
            ? t('admin.problem.notFound')
            : status === 403
              ? t('error.forbidden')
              : t('admin.problem.other');
  const detail = error instanceof ApiError ? error.message : undefined;
  return (
    <div role="alert" className="alert alert-danger">
      <p>{lead}</p>
      {detail && (
        <p lang="en" className="problem-detail">
          {detail}
        </p>
      )}
    </div>
  );
}

/** A field's label, input and the message when it is left empty or malformed. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The aria attributes that tie an input to its hint and its error. */
export function described(id: string, opts: { hint?: boolean; error?: boolean }) {
  const ids = [opts.hint && `${id}-hint`, opts.error && `${id}-error`].filter(Boolean).join(' ');
  return {
    id,
    'aria-invalid': opts.error || undefined,
    'aria-describedby': ids || undefined,
  };
}

/** A text field: its label, hint and message, and the input tied to them. */
export function TextField({
  id,
  label,
  hint,
  error,
  ...input
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input {...described(id, { hint: Boolean(hint), error: Boolean(error) })} {...input} />
    </Field>
  );
}
