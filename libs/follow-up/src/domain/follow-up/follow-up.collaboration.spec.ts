import {
  ForbiddenError,
  InvalidInputError,
  InvalidStateError,
  NotFoundError,
} from '../domain.errors';
import {
  admin,
  as,
  auditor,
  kisaColleague,
  kisaOfficer,
  msitHead,
  mofaHead,
  nisOfficer,
  PEOPLE,
} from '../testing/actors.fixture';
import { attach, comment, commented, fileAttached, SHA256 } from '../testing/collaboration.fixture';
import {
  accepted,
  acknowledged,
  assigned,
  cancelled,
  claimed,
  FOLLOW_UP_ID,
  reassigned,
  submitted,
} from '../testing/follow-up.fixture';
import { foldEvents } from '../decider';
import { DeciderSpecification } from '@liaison/platform/decider/testing';
import { mentionCandidates } from './follow-up.collaboration';
import { followUpDecider } from './follow-up.decider';

const { given } = DeciderSpecification.for(followUpDecider, as(kisaOfficer));

describe('comments on a follow-up', () => {
  it('the assignee officer comments: side assignee, body trimmed', () => {
    given(assigned(), acknowledged()).when(comment('  Which template?  ')).then([commented()]);
  });

  it('the host bureau head comments: side bureau', () => {
    given(assigned())
      .when(comment('The 2024 one'), as(msitHead))
      .then([commented({ body: 'The 2024 one', side: 'bureau' })]);
  });

  it('any officer of the agency comments, not only the named officer (talking is not working)', () => {
    given(assigned(), claimed(kisaOfficer.id))
      .when(comment('I can help'), as(kisaColleague))
      .then([commented({ body: 'I can help' })]);
  });

  it('a comment marked personal is recorded sealed (the handler sealed it); never in clear', () => {
    const sealed = {
      enc: 'v1' as const,
      keyRef: kisaOfficer.id,
      iv: 'aXY=',
      ct: 'Y3Q=',
      tag: 'dGFn',
    };
    given(assigned())
      .when({ ...comment('On sick leave until Friday'), personal: true, sealedBody: sealed })
      .then([
        {
          type: 'FollowUpCommented',
          data: {
            followUpId: FOLLOW_UP_ID,
            commentId: 'c-1',
            body: sealed,
            personal: true,
            mentions: [],
            side: 'assignee',
          },
        },
      ]);
    expect(() =>
      followUpDecider.decide(
        { ...comment('On sick leave until Friday'), personal: true },
        foldEvents(followUpDecider, [assigned()]),
        as(kisaOfficer),
      ),
    ).toThrow('sealed');
  });

  it('a mention of someone who may see the task is recorded by person id, once', () => {
    given(assigned())
      .when(comment('@kisa please look', [kisaOfficer.id, kisaOfficer.id]), as(msitHead))
      .then([commented({ body: '@kisa please look', side: 'bureau', mentions: [kisaOfficer.id] })]);
  });

  it('a mention of someone who may not see the task is refused, naming mentions', () => {
    const people = new Map(PEOPLE);
    people.set(nisOfficer.id, { ...PEOPLE.get(nisOfficer.id)!, name: '최정보' });
    const error = given(assigned())
      .when(comment('@nis FYI', [nisOfficer.id]), as(msitHead, { people }))
      .thenThrows(InvalidInputError, 'may see this follow-up');
    expect(error.field).toBe('mentions[0]');
    // the refusal names neither the person nor their id (the writer learns nothing of them)
    expect(error.message).not.toMatch(/최정보|u-nis-officer/);
  });

  it('a person with several roles may be mentioned when any of them sees the task', () => {
    const both = {
      id: 'u-both',
      agency: 'MSIT',
      roles: ['agency_officer', 'bureau_head'] as const,
    };
    const people = new Map([[both.id, { ...both, roles: [...both.roles], active: true }]]);
    given(assigned())
      .when(comment('@both', [both.id]), as(kisaOfficer, { people }))
      .then([commented({ body: '@both', mentions: [both.id] })]);
  });

  it('a mention of an unknown or deactivated person is refused', () => {
    given(assigned())
      .when(comment('hi', ['u-nobody']))
      .thenThrows(InvalidInputError, 'an active person');
    given(assigned())
      .when(comment('hi', ['u-kisa-gone']))
      .thenThrows(InvalidInputError, 'an active person');
  });

  it('an agency that may not see the task gets not found', () => {
    given(assigned()).when(comment('hi'), as(nisOfficer)).thenThrows(NotFoundError);
    given(assigned()).when(comment('hi'), as(mofaHead)).thenThrows(NotFoundError);
  });

  it('a former assignee loses the thread with the task', () => {
    given(assigned(), reassigned('AISI')).when(comment('still here?')).thenThrows(NotFoundError);
  });

  it('auditors and admins read but never write', () => {
    given(assigned()).when(comment('hi'), as(auditor)).thenThrows(ForbiddenError);
    given(assigned()).when(comment('hi'), as(admin)).thenThrows(ForbiddenError);
  });

  it('a closed task takes no more comments: 409 naming the state', () => {
    given(assigned(), acknowledged(), submitted(), accepted())
      .when(comment('one more thing'))
      .thenThrows(InvalidStateError, 'accepted');
    given(assigned(), cancelled())
      .when(comment('why?'), as(msitHead))
      .thenThrows(InvalidStateError, 'cancelled');
  });

  it('an empty or overlong body is refused, naming body', () => {
    expect(given(assigned()).when(comment('  ')).thenThrows(InvalidInputError).field).toBe('body');
    given(assigned())
      .when(comment('x'.repeat(10_001)))
      .thenThrows(InvalidInputError, '10000');
  });
});

describe('files on a follow-up', () => {
  it('either side attaches; the event carries name, size, media type and SHA-256', () => {
    given(assigned()).when(attach()).then([fileAttached()]);
    given(assigned()).when(attach(), as(msitHead)).then([fileAttached()]);
  });

  it('someone who may not see the task gets not found; a closed task refuses', () => {
    given(assigned()).when(attach(), as(nisOfficer)).thenThrows(NotFoundError);
    given(assigned(), cancelled()).when(attach()).thenThrows(InvalidStateError, 'cancelled');
  });

  it('a name with a path or control characters, a bad size or hash is refused by field', () => {
    const field = (changes: Parameters<typeof attach>[0]) =>
      given(assigned()).when(attach(changes)).thenThrows(InvalidInputError).field;
    expect(field({ name: '../etc/passwd' })).toBe('name');
    expect(field({ name: 'a\u0000b.pdf' })).toBe('name');
    expect(field({ size: -1 })).toBe('size');
    expect(field({ sha256: SHA256.toUpperCase() })).toBe('sha256');
  });
});

describe('mentions in a comment body', () => {
  it('finds @login at the start, after spaces and brackets, lower-cased, once each', () => {
    expect(mentionCandidates('@KISA.officer please see (@msit.head) and @kisa.officer')).toEqual([
      ['kisa.officer'],
      ['msit.head'],
    ]);
  });

  it('an e-mail address is no mention; a trailing full stop is offered without it', () => {
    expect(mentionCandidates('write to kim@kisa.or.kr')).toEqual([]);
    expect(mentionCandidates('thanks @fsc.officer.')).toEqual([['fsc.officer.', 'fsc.officer']]);
  });
});
