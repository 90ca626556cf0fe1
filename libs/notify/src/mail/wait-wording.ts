import type { WaitKind } from '@app/domain';
import type { MailLanguage } from './mail-language';

/** How a mail names a wait: a short title, and the task as a clause ("U heeft tot … om {task}."). */
export interface WaitWording {
  /** Noun phrase for subjects: "beoordeling perspectiefplan". */
  title: string;
  /** The task as a "te"-clause in Dutch ("het plan te beoordelen"), a bare infinitive in English. */
  task: string;
}

type Phrases = { nl: WaitWording; en: WaitWording };

/**
 * Every wait of the lifecycle (WAITS in the domain), so a new wait fails to compile here until it has words.
 * The Dutch is stored in its "te" form because separable verbs split ("vastleggen" → "vast te leggen").
 */
const WAIT_WORDING: Record<WaitKind, Phrases> = {
  INTAKE: {
    nl: {
      title: 'start perspectiefplan',
      task: 'het perspectiefplan te starten na het intakegesprek (of vast te leggen dat er geen plan nodig is)',
    },
    en: {
      title: 'start of the perspective plan',
      task: 'start the perspective plan after the intake (or record that none is needed)',
    },
  },
  DRAFTING: {
    nl: { title: 'opstellen perspectiefplan', task: 'het perspectiefplan op te stellen en in te dienen' },
    en: { title: 'drafting the perspective plan', task: 'draft and submit the perspective plan' },
  },
  SIGNATURES: {
    nl: { title: 'ondertekening perspectiefplan', task: 'het ingediende perspectiefplan te ondertekenen' },
    en: { title: 'signing the perspective plan', task: 'sign the submitted perspective plan' },
  },
  APPROVAL: {
    nl: { title: 'beoordeling perspectiefplan', task: 'het ingediende perspectiefplan te beoordelen' },
    en: { title: 'assessing the perspective plan', task: 'assess the submitted perspective plan' },
  },
  RESUBMISSION: {
    nl: {
      title: 'perspectiefplan opnieuw indienen',
      task: 'het aangepaste perspectiefplan opnieuw in te dienen',
    },
    en: { title: 'resubmitting the perspective plan', task: 'resubmit the revised perspective plan' },
  },
  PROVIDER_START: {
    nl: { title: 'start van de zorg', task: 'de start van de zorg te bevestigen' },
    en: { title: 'start of care', task: 'confirm the start of care' },
  },
  CHANGE_DECISION: {
    nl: {
      title: 'besluit over wijziging arrangement',
      task: 'een besluit te nemen over de aangevraagde wijziging van het arrangement',
    },
    en: {
      title: 'decision on a change of arrangement',
      task: 'decide on the requested change of the arrangement',
    },
  },
  CHANGE_RESUBMISSION: {
    nl: {
      title: 'aangepaste wijzigingsaanvraag',
      task: 'de aangepaste aanvraag voor een wijziging van het arrangement opnieuw in te dienen',
    },
    en: { title: 'revised change request', task: 'resubmit the revised request to change the arrangement' },
  },
  SCALING_EXPECTED: {
    nl: {
      title: 'aanvraag wijziging arrangement',
      task: 'de wijziging van het arrangement aan te vragen waar de evaluatie om vroeg',
    },
    en: {
      title: 'requesting a change of arrangement',
      task: 'request the change of the arrangement the evaluation asked for',
    },
  },
  EVALUATION: {
    nl: { title: 'evaluatie', task: 'de evaluatie te houden en vast te leggen' },
    en: { title: 'evaluation', task: 'hold and record the evaluation' },
  },
  EVALUATION_PROPOSAL: {
    nl: {
      title: 'voorgestelde evaluatie',
      task: 'de evaluatie te beoordelen die de zorgaanbieder voorstelt',
    },
    en: { title: 'proposed evaluation', task: "review the care provider's proposed evaluation" },
  },
  REASSESSMENT: {
    nl: { title: 'herindicatie', task: 'de herindicatie af te ronden' },
    en: { title: 'reassessment', task: 'complete the reassessment' },
  },
  WMO_RESEARCH: {
    nl: { title: 'Wmo-onderzoek', task: 'het Wmo-onderzoek af te ronden' },
    en: { title: 'Wmo assessment', task: 'complete the Wmo assessment' },
  },
  WMO_DECISION: {
    nl: { title: 'Wmo-beschikking', task: 'de Wmo-beschikking af te geven' },
    en: { title: 'Wmo decision', task: 'issue the Wmo decision' },
  },
  JEUGD_DECISION: {
    nl: { title: 'besluit jeugdhulp', task: 'het besluit over jeugdhulp te nemen' },
    en: { title: 'youth-care decision', task: 'issue the youth-care decision' },
  },
};

/** A wait kind the mail does not know (newer than this code, or missing): still a mail that makes sense. */
const UNKNOWN_WAIT: Phrases = {
  nl: { title: 'openstaande actie', task: 'de openstaande actie af te ronden' },
  en: { title: 'pending action', task: 'complete the pending action' },
};

/** The words for a wait kind (ids.wait of a DEADLINE_APPROACHING or WAIT_OVERDUE notice). */
export function waitWording(kind: string | undefined, language: MailLanguage): WaitWording {
  const phrases =
    kind !== undefined && Object.hasOwn(WAIT_WORDING, kind) ? WAIT_WORDING[kind as WaitKind] : UNKNOWN_WAIT;
  return phrases[language];
}
