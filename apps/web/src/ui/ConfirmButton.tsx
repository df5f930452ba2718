import { useEffect, useRef, useState } from 'react';

/**
 * A button for a change that cannot be taken back: the first press only asks, putting a confirm
 * and a cancel button in its place. Pressed while its change is under way, confirm does nothing.
 * The keyboard follows the question: asking focuses confirm, and cancel (or Escape) brings the
 * focus back to the first button, so it never falls to the page's start.
 */
export function ConfirmButton({
  label,
  name,
  confirmLabel,
  cancelLabel,
  onConfirm,
}: {
  /** What the first button shows ("Revoke"). */
  label: string;
  /** Its accessible name, naming what it acts on ("Revoke key X"). */
  name: string;
  /** The confirm button's text, naming it again ("Confirm: revoke X"). */
  confirmLabel: string;
  cancelLabel: string;
  /** The change; a rejection leaves the question open (the caller shows why). */
  onConfirm: () => Promise<unknown>;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);

  useEffect(() => {
    if (asking) confirmButton.current?.focus();
    else if (cancelled.current) {
      cancelled.current = false;
      first.current?.focus();
    }
  }, [asking]);

  function cancel() {
    cancelled.current = true;
    setAsking(false);
  }

  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
      setAsking(false);
    } catch {
      // refused: the question stays, beside the caller's account of the refusal
    } finally {
      setBusy(false);
    }
  }

  if (!asking) {
    return (
      <button
        type="button"
        className="btn btn-secondary btn-small"
        aria-label={name}
        ref={first}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  const escape = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') cancel();
  };
  return (
    <>
      <button
        type="button"
        className="btn btn-primary btn-small"
        disabled={busy}
        ref={confirmButton}
        onKeyDown={escape}
        onClick={() => void confirm()}
      >
        {confirmLabel}
      </button>
      <button
        type="button"
        className="btn btn-tertiary btn-small"
        onKeyDown={escape}
        onClick={cancel}
      >
        {cancelLabel}
      </button>
    </>
  );
}
