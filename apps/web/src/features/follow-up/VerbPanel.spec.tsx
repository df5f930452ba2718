import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { renderIn } from '../../test-setup';
import { VerbPanel } from './VerbPanel';

const kisaOfficer = { roles: ['agency_officer'], agency: 'KISA' };
const task = (status: string) =>
  ({ status, assigneeAgency: 'KISA', hostAgency: 'MSIT', version: 3 }) as Parameters<
    typeof VerbPanel
  >[0]['task'];

afterEach(cleanup);

describe('VerbPanel', () => {
  it('shows the verbs of the state as buttons, named in Korean', async () => {
    await renderIn(
      'ko',
      <VerbPanel task={task('routed')} viewer={kisaOfficer} perform={vi.fn()} reload={vi.fn()} />,
    );
    const names = screen.getAllByRole('button').map((b) => b.textContent);
    expect(names).toEqual(['담당하기', '접수', '이관 요청 (처리 불가)', '인계']);
  });

  it('hands the task over to a colleague picked from the agency’s officers (인계)', async () => {
    const perform = vi.fn().mockResolvedValue(undefined);
    const colleagues = [
      { id: 'p-me', displayName: { ko: '김담당', en: 'Kim Officer' } },
      { id: 'p-colleague', displayName: { ko: '이동료', en: 'Lee Colleague' } },
    ];
    await renderIn(
      'ko',
      <VerbPanel
        task={task('in_progress')}
        viewer={{ ...kisaOfficer, id: 'p-me' }}
        colleagues={colleagues}
        perform={perform}
        reload={vi.fn()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: '인계' }));
    const picker = screen.getByLabelText('인계받을 담당자');
    const options = [...picker.querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual(['담당자를 선택하십시오', '이동료']); // not the person themself
    fireEvent.change(picker, { target: { value: 'p-colleague' } });
    fireEvent.submit(picker.closest('form')!);
    await screen.findByText(/인계/, { selector: '[role=status]' });
    expect(perform).toHaveBeenCalledWith('handOver', { officerId: 'p-colleague' });
  });

  it('offers a confidential task only to the colleagues it names', async () => {
    const colleagues = [
      { id: 'p-named', displayName: { ko: '박지정', en: 'Park Named' } },
      { id: 'p-other', displayName: { ko: '최동료', en: 'Choi Other' } },
    ];
    await renderIn(
      'ko',
      <VerbPanel
        task={{
          ...task('in_progress'),
          classification: { level: 'confidential', people: ['p-me', 'p-named'] },
        }}
        viewer={{ ...kisaOfficer, id: 'p-me' }}
        colleagues={colleagues}
        perform={vi.fn()}
        reload={vi.fn()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: '인계' }));
    const options = [...screen.getByLabelText('인계받을 담당자').querySelectorAll('option')];
    expect(options.map((o) => o.textContent)).toEqual(['담당자를 선택하십시오', '박지정']);
  });

  it('sends a verb without words at once', async () => {
    const perform = vi.fn().mockResolvedValue(undefined);
    await renderIn(
      'en',
      <VerbPanel
        task={task('acknowledged')}
        viewer={kisaOfficer}
        perform={perform}
        reload={vi.fn()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    await screen.findByText('Done: Start.');
    expect(perform).toHaveBeenCalledWith('start', {});
  });

  it('asks for the result before submitting, and refuses an empty one', async () => {
    const perform = vi.fn().mockResolvedValue(undefined);
    await renderIn(
      'en',
      <VerbPanel
        task={task('in_progress')}
        viewer={kisaOfficer}
        perform={perform}
        reload={vi.fn()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Submit result' }));
    const field = screen.getByLabelText('Result');
    const send = screen.getAllByRole('button', { name: 'Submit result' })[1];
    fireEvent.click(send);
    expect(await screen.findByText('This field is required.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(perform).not.toHaveBeenCalled();

    fireEvent.change(field, { target: { value: '  contact named  ' } });
    fireEvent.click(send);
    await waitFor(() =>
      expect(perform).toHaveBeenCalledWith('submit', { response: 'contact named' }),
    );
  });

  it('marks a progress note personal (개인정보 포함) only when ticked, and only for progress', async () => {
    const perform = vi.fn().mockResolvedValue(undefined);
    await renderIn(
      'ko',
      <VerbPanel
        task={task('in_progress')}
        viewer={kisaOfficer}
        perform={perform}
        reload={vi.fn()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: '진행 상황 기록' }));
    fireEvent.change(screen.getByLabelText('진행 상황'), { target: { value: '간병 휴가로 지연' } });
    const personal = screen.getByRole('checkbox', { name: '개인정보 포함' });
    expect(
      document.getElementById(personal.getAttribute('aria-describedby')!)?.textContent,
    ).toMatch(/암호화하여 저장/);
    fireEvent.click(personal);
    fireEvent.submit(personal.closest('form')!);
    await waitFor(() =>
      expect(perform).toHaveBeenCalledWith('progress', {
        note: '간병 휴가로 지연',
        personal: true,
      }),
    );

    fireEvent.click(screen.getByRole('button', { name: '결과 제출' }));
    expect(screen.queryByRole('checkbox', { name: '개인정보 포함' })).toBeNull();
  });

  it('answers a 409 with "someone changed this" and a reload', async () => {
    const perform = vi.fn().mockRejectedValue(new ApiError(409, { message: 'moved' }));
    const reload = vi.fn();
    await renderIn(
      'en',
      <VerbPanel task={task('routed')} viewer={kisaOfficer} perform={perform} reload={reload} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone changed this task');
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalled();
  });

  it('lets the host’s bureau head extend with a day and a reason (end of that day in Seoul)', async () => {
    const perform = vi.fn().mockResolvedValue(undefined);
    await renderIn(
      'ko',
      <VerbPanel
        task={task('in_progress')}
        viewer={{ roles: ['bureau_head'], agency: 'MSIT' }}
        perform={perform}
        reload={vi.fn()}
      />,
    );
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      '재배정',
      '기한 연장',
      '취소',
    ]);
    fireEvent.click(screen.getByRole('button', { name: '기한 연장' }));
    fireEvent.change(screen.getByLabelText('변경 처리 기한'), { target: { value: '2026-12-10' } });
    fireEvent.change(screen.getByLabelText('사유'), { target: { value: '상대 기관 회신 대기' } });
    fireEvent.click(screen.getByRole('form').querySelector('button[type=submit]')!);
    await waitFor(() =>
      expect(perform).toHaveBeenCalledWith('extend', {
        dueAt: '2026-12-10T09:00:00.000Z',
        reason: '상대 기관 회신 대기',
      }),
    );
  });

  it('offers nothing to an officer of another agency', async () => {
    await renderIn(
      'en',
      <VerbPanel
        task={task('routed')}
        viewer={{ roles: ['agency_officer'], agency: 'FSI' }}
        perform={vi.fn()}
        reload={vi.fn()}
      />,
    );
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.getByText('Nothing for you to do on this task now.')).toBeTruthy();
  });
});
