/**
 * Classification (보안 등급) of a workshop and its follow-ups, and the one rule of who may read a
 * classified item. Classification only ever narrows the older rules (the host's bureau heads,
 * the assignee's officers, auditors): it never shows anything to someone who would not see it
 * unclassified.
 *
 *   public        today's rules.
 *   restricted    the host agency's bureau heads, auditors, and the officers of the NAMED
 *                 agencies who would otherwise see it. The assignee agency must be named (an
 *                 assignment or reassignment to an unnamed agency is refused), so its officers
 *                 keep working the task; a supporting agency that is not named loses sight of
 *                 the lead task.
 *   confidential  the host agency's bureau heads, auditors, and the NAMED PEOPLE who would
 *                 otherwise see it (matched on the caller's own person id; a delegate acting for
 *                 a named person is not named: need-to-know is personal). A named officer of the
 *                 task must be among the named people.
 *
 * Auditors read everything; the API records each auditor read of a classified item in the
 * access log with the reason they give (X-Audit-Reason).
 */
import { Actor, AgencyInfo } from './context';
import { InvalidInputError } from './domain.errors';
import { requireDirectoryEntry, requireUnique } from './validation';

export type ClassificationLevel = 'public' | 'restricted' | 'confidential';
export const CLASSIFICATION_LEVELS: readonly ClassificationLevel[] = [
  'public',
  'restricted',
  'confidential',
];

export interface Classification {
  level: ClassificationLevel;
  /** restricted: the agencies (codes) whose officers may read it. */
  agencies?: string[];
  /** confidential: the people (person ids) who may read it. */
  people?: string[];
}

export const PUBLIC: Classification = Object.freeze({ level: 'public' }) as Classification;

/**
 * What an item reads as when its classification cannot be determined (its stream missing,
 * disposed or malformed, a row that does not say): restricted to no agency, so only the host's
 * bureau heads and auditors read it. Every reader that looks a classification up fails closed
 * with this rather than open with public.
 */
export const UNDETERMINED: Classification = Object.freeze({
  level: 'restricted',
  agencies: Object.freeze([]) as unknown as string[],
}) as Classification;

/** Whether a stored value is a classification this policy can read (absent is public). */
export function isReadableClassification(c: unknown): c is Classification | undefined {
  if (c === undefined) return true;
  if (typeof c !== 'object' || c === null) return false;
  const { level, agencies, people } = c as Record<string, unknown>;
  const names = (v: unknown) =>
    v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
  return (
    CLASSIFICATION_LEVELS.includes(level as ClassificationLevel) && names(agencies) && names(people)
  );
}

const RANK: Record<ClassificationLevel, number> = { public: 0, restricted: 1, confidential: 2 };

/** Absent (every event before classification existed) reads as public. */
export const levelOf = (c: Classification | undefined): ClassificationLevel => c?.level ?? 'public';

/**
 * The classification rule: may this actor read an item hosted by `hostAgency` with this
 * classification, given that the older rules already let them? The SQL twin is
 * `classificationCondition` in libs/views/src/queries/read-scope.ts; a spec holds the two
 * together on generated cases.
 */
export function classificationAllows(
  actor: Actor,
  hostAgency: string,
  classification: Classification | undefined,
): boolean {
  if (actor.role === 'auditor') return true;
  const level = levelOf(classification);
  if (level === 'public') return true;
  if (actor.role === 'bureau_head' && actor.agency === hostAgency) return true;
  if (level === 'restricted') {
    return actor.agency !== undefined && (classification?.agencies ?? []).includes(actor.agency);
  }
  return (classification?.people ?? []).includes(actor.id);
}

/**
 * A classification as given in a request, checked and normalised (public carries no names;
 * restricted names at least one agency, confidential at least one person). Fields are named
 * under `prefix` (`classification.level`, `classification.agencies[0]`).
 */
export function requireClassification(
  input: Classification | undefined,
  agencies: ReadonlyMap<string, AgencyInfo>,
  prefix = 'classification',
): Classification {
  if (input === undefined) return PUBLIC;
  if (!CLASSIFICATION_LEVELS.includes(input.level)) {
    throw new InvalidInputError(
      `${prefix}.level`,
      `must be one of ${CLASSIFICATION_LEVELS.join(', ')}`,
    );
  }
  const named = input.agencies ?? [];
  const people = input.people ?? [];
  switch (input.level) {
    case 'public':
      if (named.length > 0)
        throw new InvalidInputError(`${prefix}.agencies`, 'only for restricted');
      if (people.length > 0)
        throw new InvalidInputError(`${prefix}.people`, 'only for confidential');
      return PUBLIC;
    case 'restricted':
      if (people.length > 0)
        throw new InvalidInputError(`${prefix}.people`, 'only for confidential');
      if (named.length === 0) {
        throw new InvalidInputError(`${prefix}.agencies`, 'must name at least one agency');
      }
      requireUnique(`${prefix}.agencies`, named);
      named.forEach((code, i) =>
        requireDirectoryEntry(`${prefix}.agencies[${i}]`, code, agencies, ['agency']),
      );
      return { level: 'restricted', agencies: [...named] };
    case 'confidential':
      if (named.length > 0)
        throw new InvalidInputError(`${prefix}.agencies`, 'only for restricted');
      if (people.length === 0) {
        throw new InvalidInputError(`${prefix}.people`, 'must name at least one person');
      }
      requireUnique(`${prefix}.people`, people);
      people.forEach((id, i) => {
        if (typeof id !== 'string' || id.trim() === '') {
          throw new InvalidInputError(`${prefix}.people[${i}]`, 'must be a person id');
        }
      });
      return { level: 'confidential', people: [...people] };
  }
}

/**
 * A follow-up inherits its workshop's classification unless it names a stricter one: a lower
 * level is refused, and at the same level it may only narrow the names (a subset).
 */
export function inheritClassification(
  workshop: Classification | undefined,
  requested: Classification | undefined,
  given: boolean,
  prefix = 'classification',
): Classification {
  const inherited = workshop ?? PUBLIC;
  if (!given || requested === undefined) return inherited;
  const from = levelOf(inherited);
  if (RANK[requested.level] < RANK[from]) {
    throw new InvalidInputError(
      `${prefix}.level`,
      `must not be less strict than the workshop's (${from})`,
    );
  }
  if (requested.level === from && from !== 'public') {
    const key = from === 'restricted' ? 'agencies' : 'people';
    const allowed = inherited[key] ?? [];
    (requested[key] ?? []).forEach((name, i) => {
      if (!allowed.includes(name)) {
        throw new InvalidInputError(`${prefix}.${key}[${i}]`, `is not named by the workshop`);
      }
    });
  }
  return requested;
}

/**
 * A follow-up's classification under its workshop's as a floor: never less strict. A lower level
 * is raised to the workshop's; at the same level the names are narrowed to those the workshop
 * names (which may leave none: requireReadableByAssignee then refuses, so a workshop's change
 * that would shut a task's own people out is refused rather than applied); a stricter one stays.
 */
export function classificationFloor(
  workshop: Classification | undefined,
  own: Classification | undefined,
): Classification {
  const floor = workshop ?? PUBLIC;
  const mine = own ?? PUBLIC;
  if (RANK[mine.level] > RANK[floor.level]) return mine;
  if (RANK[mine.level] < RANK[floor.level]) return floor;
  if (mine.level === 'public') return PUBLIC;
  const key = mine.level === 'restricted' ? 'agencies' : 'people';
  const allowed = floor[key] ?? [];
  return { level: mine.level, [key]: (mine[key] ?? []).filter((n) => allowed.includes(n)) };
}

/** The task's people must be able to read it: the assignee agency of a restricted task is one
 * of the named agencies, the named officer of a confidential one one of the named people. */
export function requireReadableByAssignee(
  c: Classification,
  assigneeAgency: string,
  officerId: string | undefined,
  field: { agency: string; officer: string },
): void {
  if (c.level === 'restricted' && !(c.agencies ?? []).includes(assigneeAgency)) {
    throw new InvalidInputError(
      field.agency,
      `${assigneeAgency} is not among the agencies the task is restricted to`,
    );
  }
  if (
    c.level === 'confidential' &&
    officerId !== undefined &&
    !(c.people ?? []).includes(officerId)
  ) {
    throw new InvalidInputError(
      field.officer,
      'is not among the people the task is confidential to',
    );
  }
}

export const sameClassification = (a: Classification | undefined, b: Classification): boolean =>
  JSON.stringify(a ?? PUBLIC) === JSON.stringify(b);
