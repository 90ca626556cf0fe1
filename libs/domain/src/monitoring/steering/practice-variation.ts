import { mixDeviation, shares } from './intensity-mix';

/**
 * K-Q6, practice variation (praktijkvariatie, [001:L450], [002:L106]): residents with the same profile should get
 * much the same arrangement wherever their local team sits. Per municipality (its local team) and profile (domain,
 * segment, complexity), the distance between the municipality's first choices of arrangement and the region's
 * for that profile (total variation distance, as K-F3); a municipality's figure is the mean over its profiles,
 * weighted by its decisions in each.
 */
export interface ArrangementChoice {
  municipalityCode: string;
  /** `domain/segment/complexity` */
  profile: string;
  arrangementCode: string;
  decisions: number;
}

export interface ProfileVariation {
  profile: string;
  decisions: number;
  deviation: number | null;
  /** The municipality's shares per arrangement and the region's, for the same profile. */
  mix: Record<string, number>;
  regionMix: Record<string, number>;
}

export interface PracticeVariation {
  municipalityCode: string;
  decisions: number;
  /** Weighted mean over its profiles; null when no profile could be compared. */
  deviation: number | null;
  profiles: ProfileVariation[];
}

/**
 * Product decision: a municipality is signalled only from this many first decisions in the window; below it one
 * case moves the shares so much that a signal would be noise (the same bar as K-F3's).
 */
export const MIN_DECISIONS_FOR_VARIATION_SIGNAL = 10;

/** The region's choices a municipality is set against (no municipality: aggregates only). */
export type RegionChoice = Omit<ArrangementChoice, 'municipalityCode'>;

function countsBy(choices: readonly RegionChoice[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of choices) out[c.arrangementCode] = (out[c.arrangementCode] ?? 0) + c.decisions;
  return out;
}

function shareOf(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(shares(counts)).map(([k, s]) => [k, Math.round(s * 10_000) / 10_000]),
  );
}

/**
 * `choices`: the municipalities in the caller's scope; `region`: the choices of their whole region(s), the yardstick
 * (by default the scope's own — a scope of one municipality then has nothing to differ from).
 */
export function practiceVariation(
  choices: readonly ArrangementChoice[],
  region: readonly RegionChoice[] = choices,
): PracticeVariation[] {
  const municipalities = [...new Set(choices.map((c) => c.municipalityCode))].sort();
  return municipalities.map((municipalityCode) => {
    const own = choices.filter((c) => c.municipalityCode === municipalityCode);
    const profiles = [...new Set(own.map((c) => c.profile))].sort().map((profile): ProfileVariation => {
      const mine = countsBy(own.filter((c) => c.profile === profile));
      const yardstick = countsBy(region.filter((c) => c.profile === profile));
      return {
        profile,
        decisions: Object.values(mine).reduce((a, b) => a + b, 0),
        deviation: mixDeviation(mine, yardstick),
        mix: shareOf(mine),
        regionMix: shareOf(yardstick),
      };
    });
    const compared = profiles.filter((p) => p.deviation !== null);
    const weight = compared.reduce((n, p) => n + p.decisions, 0);
    return {
      municipalityCode,
      decisions: profiles.reduce((n, p) => n + p.decisions, 0),
      deviation:
        weight === 0
          ? null
          : Math.round((compared.reduce((s, p) => s + p.deviation! * p.decisions, 0) / weight) * 10_000) /
            10_000,
      profiles,
    };
  });
}
