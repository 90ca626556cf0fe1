import type { MailAudience } from './mail-audience';
import type { MailLanguage } from './mail-language';
import type { MailTopic } from './mail-topic';
import { waitWording } from './wait-wording';

/** What a topic's words may use: the recipient's role, the notice's ids and the language. */
export interface NoticeContext {
  audience: MailAudience;
  language: MailLanguage;
  ids: Readonly<Record<string, string>>;
  /** The Dutch or the English of a phrase. */
  t(nl: string, en: string): string;
  /** The instant in ids[key] as "7 december 2026 om 09:30", or undefined when the notice has no such id. */
  when(key: string): string | undefined;
  /** The instant in ids[key] as "7 december 2026", or undefined when the notice has no such id. */
  day(key: string): string | undefined;
}

/** A notice in words: the subject (without the trajectory id), what happened, what to do, the button. */
export interface NoticeWording {
  subject: string;
  happened: string[];
  todo?: string;
  action: string;
}

export interface TopicWording {
  /** The roles this topic is sent to; any other role gets the same facts without a task. */
  audiences: readonly MailAudience[];
  write(c: NoticeContext): NoticeWording;
}

/** The common deadline id of a notice (a wait's or a case's deadline). */
const DEADLINE = 'deadlineAt';

/** " vóór 10 december 2026 om 17:00" when the notice has the deadline, else nothing. */
function before(c: NoticeContext, key: string = DEADLINE): string {
  const at = c.when(key);
  return at === undefined ? '' : c.t(` vóór ${at}`, ` before ${at}`);
}

/** " (termijn: 10 december 2026 om 17:00)" when the notice has the deadline, else nothing. */
function termOf(c: NoticeContext, key: string = DEADLINE): string {
  const at = c.when(key);
  return at === undefined ? '' : c.t(` (termijn: ${at})`, ` (deadline: ${at})`);
}

const viewTrajectory = (c: NoticeContext) => c.t('Traject bekijken', 'View the trajectory');
const viewDecision = (c: NoticeContext) => c.t('Besluit bekijken', 'View the decision');
const viewCase = (c: NoticeContext) => c.t('Zaak bekijken', 'View the case');
const noActionNeeded = (c: NoticeContext) =>
  c.t(
    'U hoeft nu niets te doen; na het inloggen ziet u de stand van zaken.',
    'No action is needed from you now; log in to see where things stand.',
  );

const EVALUATION_OUTCOMES: Record<string, { nl: string; en: string }> = {
  CONTINUE: { nl: 'de zorg voortzetten', en: 'continue the care' },
  SCALE_UP: { nl: 'de zorg opschalen', en: 'scale the care up' },
  SCALE_DOWN: { nl: 'de zorg afschalen', en: 'scale the care down' },
  COMPLETE: { nl: 'de zorg afronden', en: 'complete the care' },
};

/** The wording of every topic, per audience where it matters. */
export const NOTICE_WORDING: Record<MailTopic, TopicWording> = {
  PLAN_SUBMITTED: {
    audiences: ['LOCAL_TEAM'],
    write: (c) => {
      const version = c.ids.planVersion;
      const which =
        version === undefined ? '' : c.t(` Het gaat om versie ${version}.`, ` This is version ${version}.`);
      if (c.audience !== 'LOCAL_TEAM') {
        return {
          subject: c.t('Perspectiefplan ingediend', 'Perspective plan submitted'),
          happened: [
            c.t(
              'Het perspectiefplan is ingediend bij het lokaal team.',
              'The perspective plan has been submitted to the local team.',
            ) + which,
          ],
          todo: noActionNeeded(c),
          action: viewTrajectory(c),
        };
      }
      return {
        subject: c.t('Perspectiefplan ter beoordeling', 'Perspective plan for your assessment'),
        happened: [
          c.t(
            'Er ligt een perspectiefplan klaar voor uw beoordeling.',
            'A perspective plan is ready for your assessment.',
          ) + which,
        ],
        todo: c.t(
          `Beoordeel het plan${before(c)}: keur het goed, vraag om aanpassingen of wijs het af.`,
          `Please assess the plan${before(c)}: approve it, ask for changes or reject it.`,
        ),
        action: c.t('Plan beoordelen', 'Assess the plan'),
      };
    },
  },
  PLAN_FULLY_SIGNED: {
    audiences: ['LOCAL_TEAM'],
    write: (c) => ({
      subject: c.t('Perspectiefplan volledig ondertekend', 'Perspective plan fully signed'),
      happened: [
        c.t(
          'Alle betrokkenen hebben het perspectiefplan ondertekend.',
          'Everyone involved has signed the perspective plan.',
        ),
      ],
      todo:
        c.audience === 'LOCAL_TEAM'
          ? c.t(`U kunt het plan nu beoordelen${before(c)}.`, `You can now assess the plan${before(c)}.`)
          : noActionNeeded(c),
      action: c.audience === 'LOCAL_TEAM' ? c.t('Plan beoordelen', 'Assess the plan') : viewTrajectory(c),
    }),
  },
  CHANGES_REQUESTED: {
    audiences: ['PROVIDER', 'DRAFTERS'],
    write: (c) => {
      const revises = c.audience === 'PROVIDER' || c.audience === 'DRAFTERS';
      return {
        subject: c.t(
          'Aanpassingen gevraagd in het perspectiefplan',
          'Changes requested to the perspective plan',
        ),
        happened: [
          c.t(
            'Het lokaal team heeft het perspectiefplan beoordeeld en vraagt om aanpassingen.',
            'The local team has assessed the perspective plan and asks for changes.',
          ),
        ],
        todo: revises
          ? c.t(
              `Lees na het inloggen wat er moet worden aangepast en dien het plan opnieuw in${before(c)}.`,
              `Please log in to read what needs to change, and resubmit the plan${before(c)}.`,
            )
          : noActionNeeded(c),
        action: revises ? c.t('Plan aanpassen', 'Revise the plan') : viewTrajectory(c),
      };
    },
  },
  PLAN_REJECTED: {
    audiences: ['PROVIDER', 'DRAFTERS'],
    write: (c) => ({
      subject: c.t('Perspectiefplan afgewezen', 'Perspective plan rejected'),
      happened: [
        c.t(
          'Het lokaal team heeft het perspectiefplan afgewezen.',
          'The local team has rejected the perspective plan.',
        ),
      ],
      todo: c.t(
        'Na het inloggen leest u de reden en wat de volgende stap is.',
        'Log in to read the reason and the next step.',
      ),
      action: viewDecision(c),
    }),
  },
  DECISION_ISSUED: {
    audiences: ['PROVIDER', 'DRAFTERS'],
    write: (c) => {
      const happened = [
        c.t(
          'De gemeente heeft de beschikking afgegeven op basis van het perspectiefplan.',
          'The municipality has issued the decision on the perspective plan.',
        ),
      ];
      if (c.audience !== 'PROVIDER') {
        return {
          subject: c.t('Beschikking afgegeven', 'Decision issued'),
          happened,
          todo: c.t('Na het inloggen ziet u de beschikking.', 'Log in to see the decision.'),
          action: c.t('Beschikking bekijken', 'View the decision'),
        };
      }
      const start = c.when('startDeadlineAt');
      return {
        subject: c.t(
          'Beschikking afgegeven: bevestig de start van de zorg',
          'Decision issued: confirm the start of care',
        ),
        happened,
        todo:
          start === undefined
            ? c.t(
                'Bevestig de start van de zorg zodra u begint.',
                'Please confirm the start of care as soon as you begin.',
              )
            : c.t(
                `Bevestig de start van de zorg vóór ${start}.`,
                `Please confirm the start of care before ${start}.`,
              ),
        action: c.t('Start van de zorg bevestigen', 'Confirm the start of care'),
      };
    },
  },
  ESCALATED: {
    audiences: ['BREAKTHROUGH_TABLE', 'LOCAL_TEAM'],
    write: (c) => {
      const table = c.audience === 'BREAKTHROUGH_TABLE';
      return {
        subject: table
          ? c.t('Nieuwe zaak voor de doorbraaktafel', 'New case for the breakthrough table')
          : c.t('Traject voorgelegd aan de doorbraaktafel', 'Trajectory referred to the breakthrough table'),
        happened: [
          c.t(
            'Dit traject loopt vast en is voorgelegd aan de doorbraaktafel.',
            'This trajectory is stuck and has been referred to the breakthrough table.',
          ),
        ],
        todo: table
          ? c.t(
              `Bekijk de zaak en neem die in behandeling${before(c)}.`,
              `Please review the case and take it up${before(c)}.`,
            )
          : c.t(
              'U hoeft nu niets te doen; de doorbraaktafel kan u om informatie vragen.',
              'No action is needed from you now; the breakthrough table may ask you for information.',
            ),
        action: table ? viewCase(c) : viewTrajectory(c),
      };
    },
  },
  BREAKTHROUGH_DECIDED: {
    audiences: ['LOCAL_TEAM', 'PROVIDER'],
    write: (c) => ({
      subject: c.t('Besluit van de doorbraaktafel', 'Decision of the breakthrough table'),
      happened: [
        c.t(
          'De doorbraaktafel heeft een besluit genomen over dit traject.',
          'The breakthrough table has decided on this trajectory.',
        ),
      ],
      todo:
        c.audience === 'LOCAL_TEAM' || c.audience === 'PROVIDER'
          ? c.t(
              `Lees het besluit en voer uit wat er is afgesproken${before(c)}.`,
              `Please read the decision and carry out what was agreed${before(c)}.`,
            )
          : c.t('Na het inloggen leest u het besluit.', 'Log in to read the decision.'),
      action: viewDecision(c),
    }),
  },
  PROVIDER_START_OVERDUE: {
    audiences: ['BREAKTHROUGH_TABLE', 'PROVIDER', 'LOCAL_TEAM'],
    write: (c) => {
      const todo: Partial<Record<MailAudience, string>> = {
        BREAKTHROUGH_TABLE: c.t(
          'De zaak is voorgelegd aan de doorbraaktafel. Bekijk de zaak en neem die in behandeling.',
          'The case has been referred to the breakthrough table. Please review it and take it up.',
        ),
        PROVIDER: c.t(
          'Bevestig de start van de zorg zo snel mogelijk, of laat na het inloggen weten waarom dat niet lukt.',
          'Please confirm the start of care as soon as possible, or log in to tell us why that is not possible.',
        ),
      };
      return {
        subject: c.t('Start van de zorg te laat', 'Start of care overdue'),
        happened: [
          c.t(
            `De zorgaanbieder heeft de start van de zorg niet op tijd bevestigd${termOf(c)}.`,
            `The care provider has not confirmed the start of care in time${termOf(c)}.`,
          ),
        ],
        todo:
          todo[c.audience] ??
          c.t(
            'De zaak is voorgelegd aan de doorbraaktafel; u hoeft nu niets te doen.',
            'The case has been referred to the breakthrough table; no action is needed from you now.',
          ),
        action:
          c.audience === 'BREAKTHROUGH_TABLE'
            ? viewCase(c)
            : c.audience === 'PROVIDER'
              ? c.t('Start van de zorg bevestigen', 'Confirm the start of care')
              : viewTrajectory(c),
      };
    },
  },
  EVALUATION_DUE: {
    audiences: ['LOCAL_TEAM', 'PROVIDER'],
    write: (c) => {
      const due = c.day('dueAt');
      const planned = due === undefined ? '' : c.t(` (gepland op ${due})`, ` (planned for ${due})`);
      const team = c.audience === 'LOCAL_TEAM';
      const provider = c.audience === 'PROVIDER';
      return {
        subject: c.t('Tijd voor de evaluatie', 'Evaluation due'),
        happened: [
          c.t(
            `Het is tijd om de zorg in dit traject te evalueren${planned}.`,
            `It is time to evaluate the care in this trajectory${planned}.`,
          ),
        ],
        todo: team
          ? c.t(
              'Plan de evaluatie met de cliënt en de zorgaanbieder en leg de uitkomst vast.',
              'Please plan the evaluation with the client and the care provider, and record the outcome.',
            )
          : provider
            ? c.t(
                'Bereid de evaluatie voor; na het inloggen kunt u een uitkomst voorstellen.',
                'Please prepare the evaluation; after logging in you can propose an outcome.',
              )
            : noActionNeeded(c),
        action: team
          ? c.t('Evaluatie vastleggen', 'Record the evaluation')
          : provider
            ? c.t('Evaluatie voorstellen', 'Propose an evaluation')
            : viewTrajectory(c),
      };
    },
  },
  EVALUATION_OVERDUE: {
    audiences: ['LOCAL_TEAM'],
    write: (c) => {
      const team = c.audience === 'LOCAL_TEAM';
      return {
        subject: c.t('Evaluatie te laat', 'Evaluation overdue'),
        happened: [
          c.t(
            `De evaluatie van dit traject is niet op tijd vastgelegd${termOf(c, 'overdueAt')}.`,
            `The evaluation of this trajectory has not been recorded in time${termOf(c, 'overdueAt')}.`,
          ),
        ],
        todo: team
          ? c.t(
              'Houd de evaluatie zo snel mogelijk en leg de uitkomst vast. U krijgt herinneringen tot dat is gebeurd.',
              'Please hold the evaluation as soon as possible and record the outcome. You will be reminded until it is done.',
            )
          : noActionNeeded(c),
        action: team ? c.t('Evaluatie vastleggen', 'Record the evaluation') : viewTrajectory(c),
      };
    },
  },
  REASSESSMENT_DUE: {
    audiences: ['LOCAL_TEAM'],
    write: (c) => {
      const team = c.audience === 'LOCAL_TEAM';
      return {
        subject: c.t('Herindicatie nodig', 'Reassessment due'),
        happened: [
          c.t('Voor dit traject is een herindicatie nodig.', 'This trajectory needs a reassessment.'),
        ],
        todo: team
          ? c.t(
              `Start de herindicatie en rond die af${before(c)}.`,
              `Please start the reassessment and complete it${before(c)}.`,
            )
          : noActionNeeded(c),
        action: team ? c.t('Herindicatie starten', 'Start the reassessment') : viewTrajectory(c),
      };
    },
  },
  ARRANGEMENT_CHANGE_REQUESTED: {
    audiences: ['LOCAL_TEAM', 'PROVIDER'],
    write: (c) => {
      const direction = c.ids.direction;
      // Without a changeId the notice comes from an evaluation that asks its requester to file a change.
      if (c.ids.changeId === undefined && direction !== undefined) {
        const scaled =
          direction === 'UP'
            ? c.t('opgeschaald', 'scaled up')
            : direction === 'DOWN'
              ? c.t('afgeschaald', 'scaled down')
              : c.t('aangepast', 'adjusted');
        return {
          subject: c.t('Wijziging arrangement nodig', 'Change of arrangement needed'),
          happened: [
            c.t(
              `Uit de evaluatie blijkt dat de zorg moet worden ${scaled}.`,
              `The evaluation shows that the care should be ${scaled}.`,
            ),
          ],
          todo: c.t(
            `Vraag een wijziging van het arrangement aan${before(c)}.`,
            `Please request a change of the arrangement${before(c)}.`,
          ),
          action: c.t('Wijziging aanvragen', 'Request a change'),
        };
      }
      const team = c.audience === 'LOCAL_TEAM';
      return {
        subject: c.t('Wijziging arrangement aangevraagd', 'Change of arrangement requested'),
        happened: [
          c.t(
            'Er is een wijziging van het arrangement aangevraagd.',
            'A change of the arrangement has been requested.',
          ),
        ],
        todo: team
          ? c.t(
              `Neem een besluit over de aanvraag${before(c)}: keur die goed, vraag om aanpassing of wijs die af.`,
              `Please decide on the request${before(c)}: approve it, ask for changes or reject it.`,
            )
          : noActionNeeded(c),
        action: team ? c.t('Aanvraag beoordelen', 'Assess the request') : viewTrajectory(c),
      };
    },
  },
  ARRANGEMENT_CHANGE_DECIDED: {
    audiences: ['PROVIDER', 'LOCAL_TEAM'],
    write: (c) => {
      const subject = c.t('Besluit over wijziging arrangement', 'Decision on the change of arrangement');
      switch (c.ids.decision) {
        case 'REQUEST_CHANGES':
          return {
            subject,
            happened: [
              c.t(
                'Het lokaal team vraagt om aanpassing van de aanvraag voor een wijziging van het arrangement.',
                'The local team asks for changes to the request to change the arrangement.',
              ),
            ],
            todo: c.t(
              `Pas de aanvraag aan en dien die opnieuw in${before(c)}.`,
              `Please revise the request and resubmit it${before(c)}.`,
            ),
            action: c.t('Aanvraag aanpassen', 'Revise the request'),
          };
        case 'LAPSED':
          return {
            subject,
            happened: [
              c.t(
                'De aanvraag voor een wijziging van het arrangement is vervallen, omdat de termijn is verstreken. De zorg loopt door zoals besloten.',
                'The request to change the arrangement has lapsed because its deadline passed. Care continues as decided.',
              ),
            ],
            action: viewTrajectory(c),
          };
        case 'APPROVE':
        case 'REJECT': {
          const outcome =
            c.ids.decision === 'APPROVE' ? c.t('goedgekeurd', 'approved') : c.t('afgewezen', 'rejected');
          return {
            subject,
            happened: [
              c.t(
                `De aangevraagde wijziging van het arrangement is ${outcome}.`,
                `The requested change of the arrangement has been ${outcome}.`,
              ),
            ],
            todo: c.t('Na het inloggen ziet u het besluit.', 'Log in to see the decision.'),
            action: viewDecision(c),
          };
        }
        default:
          return {
            subject,
            happened: [
              c.t(
                'Er is een besluit genomen over de aangevraagde wijziging van het arrangement.',
                'A decision has been made on the requested change of the arrangement.',
              ),
            ],
            todo: c.t('Na het inloggen ziet u het besluit.', 'Log in to see the decision.'),
            action: viewDecision(c),
          };
      }
    },
  },
  TRAJECTORY_CLOSED: {
    audiences: ['LOCAL_TEAM', 'PROVIDER', 'DRAFTERS', 'FINANCE'],
    write: (c) => ({
      subject: c.t('Traject afgesloten', 'Trajectory closed'),
      happened: [c.t('Dit traject is afgesloten.', 'This trajectory has been closed.')],
      todo:
        c.audience === 'FINANCE'
          ? c.t(
              'Controleer of de betalingen voor dit traject zijn afgerond.',
              'Please check that the payments for this trajectory are settled.',
            )
          : c.t(
              'Na het inloggen ziet u waarom het traject is afgesloten.',
              'Log in to see why the trajectory was closed.',
            ),
      action: viewTrajectory(c),
    }),
  },
  LEAD_PROVIDER_CHOSEN: {
    audiences: ['PROVIDER'],
    write: (c) => {
      if (c.audience !== 'PROVIDER') {
        return {
          subject: c.t('Hoofdaanbieder gekozen', 'Lead provider chosen'),
          happened: [
            c.t(
              'Voor dit traject is een hoofdaanbieder gekozen.',
              'A lead provider has been chosen for this trajectory.',
            ),
          ],
          todo: noActionNeeded(c),
          action: viewTrajectory(c),
        };
      }
      return {
        subject: c.t('U bent gekozen als hoofdaanbieder', 'You have been chosen as lead provider'),
        happened: [
          c.t(
            'Uw organisatie is gekozen als hoofdaanbieder voor dit traject. U kunt het traject nu inzien en samen met de cliënt het perspectiefplan opstellen.',
            'Your organisation has been chosen as lead provider for this trajectory. You can now view the trajectory and draft the perspective plan together with the client.',
          ),
        ],
        todo: c.t(
          `Neem contact op met de cliënt en begin aan het perspectiefplan${before(c)}.`,
          `Please get in touch with the client and start on the perspective plan${before(c)}.`,
        ),
        action: c.t('Perspectiefplan opstellen', 'Draft the perspective plan'),
      };
    },
  },
  EVALUATION_PROPOSED: {
    audiences: ['LOCAL_TEAM'],
    write: (c) => {
      const team = c.audience === 'LOCAL_TEAM';
      const happened = [
        team
          ? c.t(
              'De zorgaanbieder heeft een evaluatie voorgesteld die wacht op uw bevestiging.',
              'The care provider has proposed an evaluation that awaits your confirmation.',
            )
          : c.t(
              'De zorgaanbieder heeft een evaluatie voorgesteld die wacht op bevestiging door het lokaal team.',
              'The care provider has proposed an evaluation that awaits confirmation by the local team.',
            ),
      ];
      const code = c.ids.outcome;
      // An outcome code this mail does not know is left out rather than shown raw.
      if (code !== undefined && Object.hasOwn(EVALUATION_OUTCOMES, code)) {
        const outcome = EVALUATION_OUTCOMES[code];
        happened.push(c.t(`Voorgestelde uitkomst: ${outcome.nl}.`, `Proposed outcome: ${outcome.en}.`));
      }
      return {
        subject: c.t('Evaluatie ter bevestiging', 'Evaluation to confirm'),
        happened,
        todo: team
          ? c.t(
              `Bevestig het voorstel of wijs het af${before(c)}.`,
              `Please confirm or reject the proposal${before(c)}.`,
            )
          : noActionNeeded(c),
        action: team ? c.t('Voorstel beoordelen', 'Review the proposal') : viewTrajectory(c),
      };
    },
  },
  DEADLINE_APPROACHING: {
    audiences: ['LOCAL_TEAM', 'PROVIDER', 'DRAFTERS'],
    write: (c) => {
      const wait = waitWording(c.ids.wait, c.language);
      const at = c.when(DEADLINE);
      return {
        subject: c.t(`Herinnering: ${wait.title}`, `Reminder: ${wait.title}`),
        happened: [
          c.t(
            'Dit is een herinnering: in dit traject wacht een actie op u.',
            'This is a reminder: an action in this trajectory is waiting for you.',
          ),
        ],
        todo:
          at === undefined
            ? c.t(`Vergeet niet om ${wait.task}.`, `Please remember to ${wait.task}.`)
            : c.t(`U heeft tot ${at} om ${wait.task}.`, `You have until ${at} to ${wait.task}.`),
        action: c.t('Naar het traject', 'Go to the trajectory'),
      };
    },
  },
  WAIT_OVERDUE: {
    audiences: ['LOCAL_TEAM', 'PROVIDER', 'DRAFTERS'],
    write: (c) => {
      const wait = waitWording(c.ids.wait, c.language);
      const at = c.when(DEADLINE);
      return {
        subject: c.t(`Termijn verstreken: ${wait.title}`, `Deadline passed: ${wait.title}`),
        happened: [
          at === undefined
            ? c.t(`De termijn om ${wait.task} is verstreken.`, `The deadline to ${wait.task} has passed.`)
            : c.t(
                `De termijn om ${wait.task} is verstreken op ${at}.`,
                `The deadline to ${wait.task} passed on ${at}.`,
              ),
        ],
        todo: c.t(
          'Doe dit zo snel mogelijk. U krijgt herinneringen tot het is gebeurd.',
          'Please do this as soon as possible. You will be reminded until it is done.',
        ),
        action: c.t('Naar het traject', 'Go to the trajectory'),
      };
    },
  },
  CASE_OPENED: {
    audiences: ['BREAKTHROUGH_TABLE'],
    write: (c) => ({
      subject: c.t('Nieuwe zaak aan de doorbraaktafel', 'New breakthrough-table case'),
      happened: [
        c.t(
          'Er is een nieuwe zaak geopend aan de doorbraaktafel.',
          'A new case has been opened at the breakthrough table.',
        ),
      ],
      todo:
        c.audience === 'BREAKTHROUGH_TABLE'
          ? c.t(
              `Wijs de zaak toe en neem een besluit${before(c)}.`,
              `Please assign the case and decide on it${before(c)}.`,
            )
          : noActionNeeded(c),
      action: viewCase(c),
    }),
  },
  CASE_ASSIGNED: {
    audiences: ['BREAKTHROUGH_TABLE'],
    write: (c) => ({
      subject: c.t('Zaak doorbraaktafel toegewezen', 'Breakthrough-table case assigned'),
      happened: [
        c.t(
          'Een zaak aan de doorbraaktafel is toegewezen aan een behandelaar.',
          'A breakthrough-table case has been assigned to a case handler.',
        ),
      ],
      todo:
        c.audience === 'BREAKTHROUGH_TABLE'
          ? c.t(
              `Bereid de zaak voor en neem een besluit${before(c)}.`,
              `Please prepare the case and decide on it${before(c)}.`,
            )
          : noActionNeeded(c),
      action: viewCase(c),
    }),
  },
  TABLE_REMINDER: {
    audiences: ['BREAKTHROUGH_TABLE'],
    write: (c) => ({
      subject: c.t('Herinnering: besluit doorbraaktafel', 'Reminder: breakthrough-table decision'),
      happened: [
        c.t(
          'Dit is een herinnering: de doorbraaktafel heeft over deze zaak nog geen besluit genomen.',
          'This is a reminder: the breakthrough table has not yet decided on this case.',
        ),
      ],
      todo:
        c.audience === 'BREAKTHROUGH_TABLE'
          ? c.t(`Neem een besluit over de zaak${before(c)}.`, `Please decide on the case${before(c)}.`)
          : noActionNeeded(c),
      action: viewCase(c),
    }),
  },
  TABLE_OVERDUE: {
    audiences: ['CONTRACT_MANAGEMENT'],
    write: (c) => ({
      subject: c.t('Doorbraaktafel heeft niet op tijd besloten', 'Breakthrough table missed its deadline'),
      happened: [
        c.t(
          `De doorbraaktafel heeft niet op tijd een besluit genomen over deze zaak${termOf(c)}.`,
          `The breakthrough table has not decided on this case in time${termOf(c)}.`,
        ),
        // The table's deadline never decides for it (domain: TABLE_OVERDUE only tells contract management).
        c.t(
          'De zaak wordt niet automatisch goedgekeurd: die blijft openstaan tot de doorbraaktafel besluit.',
          'The case is never approved automatically: it stays open until the breakthrough table decides.',
        ),
      ],
      todo:
        c.audience === 'CONTRACT_MANAGEMENT'
          ? c.t(
              'Zorg samen met de doorbraaktafel dat er zo snel mogelijk een besluit komt.',
              'Please work with the breakthrough table to get a decision as soon as possible.',
            )
          : c.t(
              'Neem zo snel mogelijk een besluit over de zaak.',
              'Please decide on the case as soon as possible.',
            ),
      action: viewCase(c),
    }),
  },
};
