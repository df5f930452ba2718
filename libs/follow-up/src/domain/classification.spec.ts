/** Classification: who sets and changes it, how a follow-up inherits it, and who reads what. */
import { Classification, classificationAllows, classificationFloor } from './classification';
import { Actor } from './context';
import { foldEvents } from './decider';
import { ForbiddenError, InvalidInputError, NotFoundError } from './domain.errors';
import { FollowUpEvent } from './events';
import { AssignFollowUp, FollowUpCommand } from './follow-up/follow-up.commands';
import { followUpDecider } from './follow-up/follow-up.decider';
import { canSeeFollowUp } from './follow-up/follow-up.policy';
import {
  as,
  auditor,
  kisaColleague,
  kisaOfficer,
  mofaHead,
  msitHead,
  nisOfficer,
} from './testing/actors.fixture';
import { assigned, claimed, FOLLOW_UP_ID, handedOver } from './testing/follow-up.fixture';
import { DeciderSpecification } from '@liaison/platform/decider/testing';
import { ACTION_ID, heldWorkshop, WORKSHOP_ID, workshopHeld } from './testing/workshop.fixture';
import { WorkshopCommand } from './workshop/workshop.commands';
import { workshopDecider } from './workshop/workshop.decider';

const restricted = (...agencies: string[]): Classification => ({ level: 'restricted', agencies });
const confidential = (...people: string[]): Classification => ({ level: 'confidential', people });
const followUpId = FOLLOW_UP_ID;
const handOver = (officerId: string): FollowUpCommand => ({
  kind: 'HandOverFollowUp',
  followUpId,
  officerId,
});

const fieldOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidInputError) return e.field;
    throw e;
  }
  throw new Error('no InvalidInputError');
};

describe('classification of a workshop', () => {
  const { given } = DeciderSpecification.for(workshopDecider, as(msitHead));
  const hold = (classification?: Classification): WorkshopCommand => ({
    kind: 'HoldWorkshop',
    workshopId: WORKSHOP_ID,
    title: 'AI security with OpenAI',
    heldOn: '2025-03-04',
    hostAgency: 'MSIT',
    counterparts: ['OPENAI'],
    attendingAgencies: ['KISA', 'AISI'],
    topics: ['model evaluations'],
    ...(classification && { classification }),
  });
  const change = (classification: Classification): WorkshopCommand => ({
    kind: 'ChangeWorkshopClassification',
    workshopId: WORKSHOP_ID,
    classification,
  });

  it('is set when the workshop is recorded (absent: public, and not written)', () => {
    given()
      .when(hold(restricted('KISA')))
      .then([workshopHeld({ classification: restricted('KISA') })]);
    given().when(hold()).then([workshopHeld()]);
    given()
      .when(hold({ level: 'public' }))
      .then([workshopHeld()]);
  });

  it('is raised and lowered by the host bureau head, each change an event', () => {
    given(workshopHeld())
      .when(change(confidential('u-kisa-officer')))
      .then([
        {
          type: 'WorkshopClassificationChanged',
          data: {
            workshopId: WORKSHOP_ID,
            classification: confidential('u-kisa-officer'),
            previous: { level: 'public' },
          },
        },
      ]);
    given(workshopHeld({ classification: restricted('KISA') }))
      .when(change({ level: 'public' }))
      .then([
        {
          type: 'WorkshopClassificationChanged',
          data: {
            workshopId: WORKSHOP_ID,
            classification: { level: 'public' },
            previous: restricted('KISA'),
          },
        },
      ]);
  });

  it('setting what it already is records nothing', () => {
    given(workshopHeld({ classification: restricted('KISA') }))
      .when(change(restricted('KISA')))
      .thenNothingHappens();
  });

  it('another agency’s bureau head is told the workshop does not exist; an officer may not', () => {
    given(workshopHeld())
      .when(change(restricted('KISA')), as(mofaHead))
      .thenThrows(NotFoundError);
    given(workshopHeld())
      .when(change(restricted('KISA')), as(kisaOfficer))
      .thenThrows(ForbiddenError);
  });

  it.each<[Classification, string]>([
    [{ level: 'secret' as 'public' }, 'classification.level'],
    [{ level: 'restricted' }, 'classification.agencies'],
    [restricted('KISA', 'KISA'), 'classification.agencies[1]'],
    [restricted('NOPE'), 'classification.agencies[0]'],
    [restricted('OPENAI'), 'classification.agencies[0]'], // a counterpart never logs in
    [{ level: 'confidential' }, 'classification.people'],
    [confidential(''), 'classification.people[0]'],
    [{ level: 'public', agencies: ['KISA'] }, 'classification.agencies'],
    [{ level: 'restricted', agencies: ['KISA'], people: ['u-1'] }, 'classification.people'],
  ])('refuses %j naming %s', (classification, field) => {
    expect(
      fieldOf(() =>
        workshopDecider.decide(hold(classification), workshopDecider.initialState, as(msitHead)),
      ),
    ).toBe(field);
  });
});

describe('classification of a follow-up', () => {
  const { given } = DeciderSpecification.for(followUpDecider, as(msitHead));
  const assign = (
    workshopClassification?: Classification,
    changes: Partial<AssignFollowUp> = {},
  ): AssignFollowUp => ({
    kind: 'AssignFollowUp',
    followUpId,
    workshop: heldWorkshop(
      ...(workshopClassification
        ? [
            {
              type: 'WorkshopClassificationChanged' as const,
              data: {
                workshopId: WORKSHOP_ID,
                classification: workshopClassification,
                previous: { level: 'public' as const },
              },
            },
          ]
        : []),
    ),
    sourceId: ACTION_ID,
    assigneeAgency: 'KISA',
    title: 'Draft the red-teaming protocol',
    dueAt: '2025-03-20T09:00:00.000Z',
    ...changes,
  });
  const change = (classification: Classification): FollowUpCommand => ({
    kind: 'ChangeFollowUpClassification',
    followUpId,
    classification,
  });
  const changed = (classification: Classification, previous: Classification): FollowUpEvent => ({
    type: 'FollowUpClassificationChanged',
    data: { followUpId, classification, previous },
  });

  it('inherits its workshop’s', () => {
    given()
      .when(assign(restricted('KISA', 'NIS')))
      .then([assigned({ classification: restricted('KISA', 'NIS') })]);
    given().when(assign()).then([assigned()]);
  });

  it('may name a stricter one: a higher level, or fewer names at the same level', () => {
    given()
      .when(assign(restricted('KISA', 'NIS'), { classification: restricted('KISA') }))
      .then([assigned({ classification: restricted('KISA') })]);
    given()
      .when(assign(restricted('KISA'), { classification: confidential('u-kisa-officer') }))
      .then([assigned({ classification: confidential('u-kisa-officer') })]);
  });

  it('may not be less strict than its workshop’s, nor name others at the same level', () => {
    expect(
      fieldOf(() =>
        followUpDecider.decide(
          assign(restricted('KISA'), { classification: { level: 'public' } }),
          followUpDecider.initialState,
          as(msitHead),
        ),
      ),
    ).toBe('classification.level');
    expect(
      fieldOf(() =>
        followUpDecider.decide(
          assign(restricted('KISA'), { classification: restricted('KISA', 'NIS') }),
          followUpDecider.initialState,
          as(msitHead),
        ),
      ),
    ).toBe('classification.agencies[1]');
  });

  it('a restricted task goes only to a named agency; a confidential one only to a named officer', () => {
    const decide = (command: AssignFollowUp) => () =>
      followUpDecider.decide(command, followUpDecider.initialState, as(msitHead));
    expect(fieldOf(decide(assign(restricted('NIS'))))).toBe('assigneeAgency');
    expect(
      fieldOf(decide(assign(confidential('u-kisa-colleague'), { officerId: 'u-kisa-officer' }))),
    ).toBe('officerId');
    given(assigned({ classification: restricted('KISA') }))
      .when({ kind: 'ReassignFollowUp', followUpId, assigneeAgency: 'NIS', reason: 'Remit' })
      .thenThrows(InvalidInputError, 'assigneeAgency');
  });

  it('is raised and lowered by the host bureau head, each change an event; the same again is nothing', () => {
    given(assigned())
      .when(change(restricted('KISA')))
      .then([changed(restricted('KISA'), { level: 'public' })]);
    given(assigned({ classification: restricted('KISA') }))
      .when(change({ level: 'public' }))
      .then([changed({ level: 'public' }, restricted('KISA'))]);
    given(assigned({ classification: restricted('KISA') }))
      .when(change(restricted('KISA')))
      .thenNothingHappens();
    expect(
      foldEvents(followUpDecider, [assigned(), changed(restricted('KISA'), { level: 'public' })])
        .classification,
    ).toEqual(restricted('KISA'));
  });

  it('may not shut out the task’s own assignee agency or named officer', () => {
    given(assigned())
      .when(change(restricted('NIS')))
      .thenThrows(InvalidInputError, 'classification.agencies');
    given(assigned({ officerId: 'u-kisa-officer' }))
      .when(change(confidential('u-kisa-colleague')))
      .thenThrows(InvalidInputError, 'classification.people');
  });

  it('a confidential task is handed over (인계) only to a person it names', () => {
    given(assigned({ classification: confidential('u-kisa-officer') }), claimed('u-kisa-officer'))
      .when(handOver('u-kisa-colleague'), as(kisaOfficer))
      .thenThrows(InvalidInputError, 'officerId');
    given(
      assigned({ classification: confidential('u-kisa-officer', 'u-kisa-colleague') }),
      claimed('u-kisa-officer'),
    )
      .when(handOver('u-kisa-colleague'), as(kisaOfficer))
      .then([handedOver('u-kisa-colleague', 'u-kisa-officer')]);
    // restricted names agencies: any officer of a named agency may take it
    given(assigned({ classification: restricted('KISA') }), claimed('u-kisa-officer'))
      .when(handOver('u-kisa-colleague'), as(kisaOfficer))
      .then([handedOver('u-kisa-colleague', 'u-kisa-officer')]);
  });

  it('only the host’s bureau heads change it: an officer may not, another host is told it does not exist', () => {
    given(assigned())
      .when(change(restricted('KISA')), as(kisaOfficer))
      .thenThrows(ForbiddenError);
    given(assigned())
      .when(change(restricted('KISA')), as(mofaHead))
      .thenThrows(NotFoundError);
    given(assigned())
      .when(change(restricted('KISA')), as(auditor))
      .thenThrows(ForbiddenError);
  });
});

describe('a workshop’s classification is the floor of its follow-ups’', () => {
  it('classificationFloor: a lower level is raised, names narrowed to the workshop’s, a stricter one kept', () => {
    expect(classificationFloor(restricted('KISA'), undefined)).toEqual(restricted('KISA'));
    expect(classificationFloor(restricted('KISA'), { level: 'public' })).toEqual(
      restricted('KISA'),
    );
    expect(classificationFloor(restricted('KISA'), restricted('KISA', 'NIS'))).toEqual(
      restricted('KISA'),
    );
    expect(classificationFloor(restricted('KISA'), confidential('u-kisa-officer'))).toEqual(
      confidential('u-kisa-officer'),
    );
    expect(classificationFloor(undefined, restricted('NIS'))).toEqual(restricted('NIS'));
    expect(classificationFloor(restricted('KISA'), restricted('NIS'))).toEqual(restricted());
  });

  it('a follow-up may not be lowered below its workshop’s', () => {
    const { given } = DeciderSpecification.for(followUpDecider, as(msitHead));
    const lower = (classification: Classification): FollowUpCommand => ({
      kind: 'ChangeFollowUpClassification',
      followUpId,
      classification,
      workshop: { classification: restricted('KISA', 'NIS') },
    });
    given(assigned({ classification: restricted('KISA') }))
      .when(lower({ level: 'public' }))
      .thenThrows(InvalidInputError, 'classification.level');
    given(assigned({ classification: restricted('KISA') }))
      .when(lower(restricted('KISA', 'FSI')))
      .thenThrows(InvalidInputError, 'classification.agencies[1]');
    given(assigned({ classification: restricted('KISA') }))
      .when(lower(restricted('KISA', 'NIS')))
      .then([
        {
          type: 'FollowUpClassificationChanged',
          data: {
            followUpId,
            classification: restricted('KISA', 'NIS'),
            previous: restricted('KISA'),
          },
        },
      ]);
  });
});

describe('the contribution task (협조) of a classified lead', () => {
  it('is restricted to the agency asked and the lead’s agency', () => {
    const lead = foldEvents(followUpDecider, [
      assigned({ classification: confidential('u-kisa-officer') }),
      {
        type: 'FollowUpContributionRequested',
        data: {
          followUpId,
          contributionId: 'c-1',
          agency: 'NIS',
          dueAt: '2025-03-15T09:00:00.000Z',
        },
      },
    ]);
    const [opened] = followUpDecider.decide(
      { kind: 'OpenContribution', followUpId: 'c-1', lead },
      followUpDecider.initialState,
      as({ id: 'system', role: 'system' }),
    );
    expect(opened.type).toBe('FollowUpAssigned');
    expect((opened.data as { classification?: Classification }).classification).toEqual(
      restricted('NIS', 'KISA'),
    );
  });
});

describe('who reads a classified task (canSeeFollowUp)', () => {
  // KISA is the assignee; NIS contributes (협조기관), so its officers read the lead when public.
  const task = (classification?: Classification) =>
    foldEvents(followUpDecider, [
      assigned(classification && { classification }),
      {
        type: 'FollowUpContributionRequested',
        data: {
          followUpId,
          contributionId: 'c-1',
          agency: 'NIS',
          dueAt: '2025-03-15T09:00:00.000Z',
        },
      },
    ]);
  const actors: [string, Actor][] = [
    ['host bureau head', msitHead],
    ['another agency’s bureau head', mofaHead],
    ['named officer', kisaOfficer],
    ['colleague', kisaColleague],
    ['supporting agency officer', nisOfficer],
    ['auditor', auditor],
  ];
  const table: [string, Classification | undefined, string[]][] = [
    [
      'public',
      undefined,
      ['host bureau head', 'named officer', 'colleague', 'supporting agency officer', 'auditor'],
    ],
    [
      'restricted to KISA',
      restricted('KISA'),
      ['host bureau head', 'named officer', 'colleague', 'auditor'],
    ],
    [
      'restricted to KISA and NIS',
      restricted('KISA', 'NIS'),
      ['host bureau head', 'named officer', 'colleague', 'supporting agency officer', 'auditor'],
    ],
    [
      'confidential to the officer',
      confidential('u-kisa-officer'),
      ['host bureau head', 'named officer', 'auditor'],
    ],
    // naming someone never widens: MOFA's head is named but would not see MSIT's task anyway
    [
      'confidential naming another host',
      confidential('u-mofa-head', 'u-kisa-officer'),
      ['host bureau head', 'named officer', 'auditor'],
    ],
  ];

  it.each(table)('%s', (_name, classification, readers) => {
    const state = task(classification);
    expect(actors.filter(([, a]) => canSeeFollowUp(a, state)).map(([n]) => n)).toEqual(readers);
  });

  it('a delegate acting for a named person is not named (need-to-know is personal)', () => {
    const delegate: Actor = { ...kisaColleague, onBehalfOf: { id: 'u-kisa-officer' } };
    expect(classificationAllows(delegate, 'MSIT', confidential('u-kisa-officer'))).toBe(false);
  });
});
