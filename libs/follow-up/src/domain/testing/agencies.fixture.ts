/** The seed directory of DESIGN.md, for specs. */
import { AgencyInfo } from '../context';

const agency = (code: string, name: string): AgencyInfo => ({
  code,
  name,
  kind: 'agency',
  active: true,
});
const counterpart = (code: string, name: string): AgencyInfo => ({
  code,
  name,
  kind: 'counterpart',
  active: true,
});

export const AGENCIES: readonly AgencyInfo[] = [
  agency('MSIT', 'Ministry of Science and ICT'),
  agency('MOFA', 'Ministry of Foreign Affairs'),
  agency('NIS', 'National Intelligence Service'),
  agency('FSC', 'Financial Services Commission'),
  agency('NAISC', 'National AI Strategy Committee'),
  agency('AISI', 'AI Safety Institute'),
  agency('KISA', 'Korea Internet & Security Agency'),
  agency('FSI', 'Financial Security Institute'),
  counterpart('OPENAI', 'OpenAI'),
  counterpart('ANTHROPIC', 'Anthropic'),
];

export const AGENCY_DIRECTORY: ReadonlyMap<string, AgencyInfo> = new Map(
  AGENCIES.map((a) => [a.code, a]),
);

/** The seed directory with some entries changed or added, e.g. an agency deactivated. */
export function directoryWith(...changes: AgencyInfo[]): ReadonlyMap<string, AgencyInfo> {
  const directory = new Map(AGENCY_DIRECTORY);
  for (const change of changes) directory.set(change.code, change);
  return directory;
}

export const deactivated = (code: string): AgencyInfo => {
  const info = AGENCY_DIRECTORY.get(code);
  if (!info) throw new Error(`No fixture agency ${code}`);
  return { ...info, active: false };
};
