import { ArrangementEntity } from './arrangement.entity';
import { AuditEventEntity } from './audit-event.entity';
import { CareDecisionEntity } from './care-decision.entity';
import { EscalationEntity } from './escalation.entity';
import { ExportBatchEntity } from './export-batch.entity';
import { PaymentEventEntity } from './payment-event.entity';
import { PaymentInstructionEntity } from './payment-instruction.entity';
import { ProviderContractEntity } from './provider-contract.entity';
import { ProviderEntity } from './provider.entity';
import { ProviderIntakeFreezeEntity } from './provider-intake-freeze.entity';
import { RegionMunicipalityEntity } from './region-municipality.entity';
import { RegionEntity } from './region.entity';
import { TrajectoryEntity } from './trajectory.entity';

export {
  ArrangementEntity,
  AuditEventEntity,
  CareDecisionEntity,
  EscalationEntity,
  ExportBatchEntity,
  PaymentEventEntity,
  PaymentInstructionEntity,
  ProviderContractEntity,
  ProviderEntity,
  ProviderIntakeFreezeEntity,
  RegionEntity,
  RegionMunicipalityEntity,
  TrajectoryEntity,
};

export const ENTITIES = [
  AuditEventEntity,
  TrajectoryEntity,
  ArrangementEntity,
  CareDecisionEntity,
  PaymentInstructionEntity,
  PaymentEventEntity,
  ExportBatchEntity,
  EscalationEntity,
  RegionEntity,
  RegionMunicipalityEntity,
  ProviderEntity,
  ProviderContractEntity,
  ProviderIntakeFreezeEntity,
];
