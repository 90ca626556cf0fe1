import type { SubmitPlanDto } from '../../apps/api/src/trajectories/dto/plan.dto';

/**
 * The plan that the HTTP tests, the browser pages' seed and the benchmark submit: two results, the demo
 * catalogue's youth arrangement, the client's and the lead provider's signatures required (R-ROLE-04).
 * A youth plan is submitted by its lead provider: in youth care the provider proposes the intensity
 * (R-ROLE-02), and who submits is who proposed it.
 */
export function planSubmission(leadProviderId: string): SubmitPlanDto {
  return {
    results: [
      { id: 'r1', lifeDomain: 'SCHOOL', smart: true, descriptionRef: 'doc-11' },
      { id: 'r2', lifeDomain: 'FAMILY', smart: false },
    ],
    profileCode: 'J-OPV',
    intensityCode: 'MIDDEN',
    arrangementCode: 'WF-J-B-OPV-M',
    leadProviderId,
    leadProviderChosenByFamily: true,
    subcontractorIds: [],
    requiredSignatures: ['CLIENT', 'LEAD_PROVIDER'],
  };
}
