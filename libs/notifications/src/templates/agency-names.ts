/** How the agencies are named in a letter: full names (GLOSSARY.md); an unknown code as is. */
const NAMES: Record<string, { ko: string; en: string }> = {
  MSIT: { ko: '과학기술정보통신부', en: 'Ministry of Science and ICT' },
  MOFA: { ko: '외교부', en: 'Ministry of Foreign Affairs' },
  NIS: { ko: '국가정보원', en: 'National Intelligence Service' },
  FSC: { ko: '금융위원회', en: 'Financial Services Commission' },
  NAISC: { ko: '국가인공지능전략위원회', en: 'National AI Strategy Committee' },
  AISI: { ko: 'AI안전연구소', en: 'AI Safety Institute' },
  KISA: { ko: '한국인터넷진흥원', en: 'Korea Internet & Security Agency' },
  FSI: { ko: '금융보안원', en: 'Financial Security Institute' },
};

export function agencyName(code: string, language: 'ko' | 'en'): string {
  return NAMES[code]?.[language] ?? code;
}
