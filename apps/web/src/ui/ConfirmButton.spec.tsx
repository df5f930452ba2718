import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmButton } from './ConfirmButton';

afterEach(cleanup);

function renderButton(onConfirm: () => Promise<unknown>) {
  render(
    <ConfirmButton
      label="폐기"
      name="연계 키 폐기"
      confirmLabel="연계 키 폐기 확인"
      cancelLabel="취소"
      onConfirm={onConfirm}
    />,
  );
}

/** A change that settles when the test says so. */
function pending() {
  let settle: { resolve: () => void; reject: (e: Error) => void } = {
    resolve: () => {},
    reject: () => {},
  };
  const promise = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  return { promise, settle };
}

describe('ConfirmButton', () => {
  it('asks before acting, and acts once on confirm', async () => {
    const change = pending();
    const onConfirm = vi.fn(() => change.promise);
    renderButton(onConfirm);

    fireEvent.click(screen.getByRole('button', { name: '연계 키 폐기' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: '연계 키 폐기' })).toBeNull();
    const confirm = screen.getByRole('button', { name: '연계 키 폐기 확인' });

    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    // under way: a second press does nothing
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledTimes(1);

    await act(async () => change.settle.resolve());
    expect(screen.getByRole('button', { name: '연계 키 폐기' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '연계 키 폐기 확인' })).toBeNull();
  });

  it('can be cancelled from the keyboard: cancel is a real button in the tab order', () => {
    const onConfirm = vi.fn(() => Promise.resolve());
    renderButton(onConfirm);
    fireEvent.click(screen.getByRole('button', { name: '연계 키 폐기' }));

    const cancel = screen.getByRole('button', { name: '취소' });
    expect(cancel.getAttribute('type')).toBe('button');
    expect(cancel.tabIndex).toBe(0);
    cancel.focus();
    expect(document.activeElement).toBe(cancel);
    // Enter or Space on a focused button is its click (the browser's part; the admin browser
    // spec drives the real keys through the same flow)
    fireEvent.click(cancel);

    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: '연계 키 폐기' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '연계 키 폐기 확인' })).toBeNull();
  });

  it('moves the focus with the question: to confirm when asking, back to the button after cancel or Escape', () => {
    renderButton(() => Promise.resolve());
    fireEvent.click(screen.getByRole('button', { name: '연계 키 폐기' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '연계 키 폐기 확인' }));

    fireEvent.click(screen.getByRole('button', { name: '취소' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '연계 키 폐기' }));

    fireEvent.click(screen.getByRole('button', { name: '연계 키 폐기' }));
    fireEvent.keyDown(screen.getByRole('button', { name: '연계 키 폐기 확인' }), { key: 'Escape' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '연계 키 폐기' }));
  });

  it('keeps the question open when the change is refused', async () => {
    const change = pending();
    renderButton(() => change.promise);
    fireEvent.click(screen.getByRole('button', { name: '연계 키 폐기' }));
    fireEvent.click(screen.getByRole('button', { name: '연계 키 폐기 확인' }));

    await act(async () => change.settle.reject(new Error('409')));
    const confirm = screen.getByRole('button', { name: '연계 키 폐기 확인' });
    expect((confirm as HTMLButtonElement).disabled).toBe(false);
  });
});
