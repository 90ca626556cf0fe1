import { inLanguage, type MailLanguage } from './mail-language';

/**
 * The people a mail goes to, by role. The domain's notify audiences minus CASE_SYSTEM, which is a system
 * told through its webhook, not a person. DRAFTERS are the resident with the supporters writing the plan.
 */
export const MAIL_AUDIENCES = [
  'LOCAL_TEAM',
  'PROVIDER',
  'BREAKTHROUGH_TABLE',
  'FINANCE',
  'CONTRACT_MANAGEMENT',
  'DRAFTERS',
] as const;

export type MailAudience = (typeof MAIL_AUDIENCES)[number];

const ROLES: Record<MailAudience, { nl: string; en: string }> = {
  LOCAL_TEAM: { nl: 'medewerker van het lokaal team', en: 'a member of the local team' },
  PROVIDER: { nl: 'zorgaanbieder', en: 'the care provider' },
  BREAKTHROUGH_TABLE: { nl: 'lid van de doorbraaktafel', en: 'a member of the breakthrough table' },
  FINANCE: { nl: 'medewerker financiën', en: 'a member of the finance department' },
  CONTRACT_MANAGEMENT: { nl: 'medewerker contractmanagement', en: 'a member of contract management' },
  DRAFTERS: { nl: 'opsteller van het perspectiefplan', en: 'one of the drafters of the perspective plan' },
};

/** The recipient's role as a phrase, for the footer that says why they got the mail ("als {role}"). */
export function audienceRole(audience: MailAudience, language: MailLanguage): string {
  const role = ROLES[audience];
  if (role === undefined) throw new RangeError(`unknown mail audience: ${String(audience)}`);
  return inLanguage(language, role.nl, role.en);
}
