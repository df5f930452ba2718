import type { components } from '../../api/schema';

export type ClassificationLevel = components['schemas']['ClassificationDto']['level'];
export type ClassificationRequest = components['schemas']['ClassificationRequest'];
export const LEVELS: readonly ClassificationLevel[] = ['public', 'restricted', 'confidential'];

/** What the form holds: a level and both name lists, so switching levels loses nothing typed. */
export interface ClassificationDraft {
  /** 'inherit': a follow-up left as its workshop's (nothing sent). */
  level: ClassificationLevel | 'inherit';
  agencies: string[];
  people: string[];
}

export const PUBLIC_DRAFT: ClassificationDraft = { level: 'public', agencies: [], people: [] };
export const INHERIT_DRAFT: ClassificationDraft = { level: 'inherit', agencies: [], people: [] };

/** A classification as the API answered it (absent: public), as a draft to edit. */
export function draftOf(
  c:
    | { level: ClassificationLevel; agencies?: readonly string[]; people?: readonly string[] }
    | undefined,
): ClassificationDraft {
  return {
    level: c?.level ?? 'public',
    agencies: [...(c?.agencies ?? [])],
    people: [...(c?.people ?? [])],
  };
}

/**
 * The request body's `classification`, or undefined when inherited; a level carries only its
 * own names (the API refuses agencies on confidential and people on restricted).
 */
export function toRequest(draft: ClassificationDraft): ClassificationRequest | undefined {
  switch (draft.level) {
    case 'inherit':
      return undefined;
    case 'public':
      return { level: 'public' };
    case 'restricted':
      return { level: 'restricted', agencies: [...draft.agencies] };
    case 'confidential':
      return { level: 'confidential', people: [...draft.people] };
  }
}

/** The message key of what the draft still lacks, or null when it may be sent. */
export function draftProblem(draft: ClassificationDraft): string | null {
  if (draft.level === 'restricted' && draft.agencies.length === 0) {
    return 'classification.chooseAgency';
  }
  if (draft.level === 'confidential' && draft.people.length === 0) {
    return 'classification.choosePerson';
  }
  return null;
}

/** The agencies whose people a confidential item may name: the ones who would otherwise read it. */
export function peopleAgencies(candidates: readonly (string | undefined)[]): string[] {
  return [...new Set(candidates.filter((c): c is string => Boolean(c)))];
}
