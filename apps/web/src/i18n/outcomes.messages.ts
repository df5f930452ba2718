import { outcomesEn } from './outcomes.en';

type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
/** The shape outcomes.ko.ts must fill: every key of outcomes.en.ts. */
export type OutcomesMessages = Catalogue<typeof outcomesEn>;
