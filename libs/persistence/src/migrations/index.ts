import { InitialSchema1764000000000 } from './1764000000000-InitialSchema';
import { PaymentsLedger1764300000000 } from './1764300000000-PaymentsLedger';
import { DemoArrangementCatalogue1764300000001 } from './1764300000001-DemoArrangementCatalogue';
import { WorklistsAndOutbox1764400000000 } from './1764400000000-WorklistsAndOutbox';
import { ApiIdempotency1764500000000 } from './1764500000000-ApiIdempotency';
import { RegionsAndProviderRegister1765000000000 } from './1765000000000-RegionsAndProviderRegister';
import { DemoRegionsCatalogueAndProviders1765000000001 } from './1765000000001-DemoRegionsCatalogueAndProviders';
import { StatutoryClocksReadModel1765000000002 } from './1765000000002-StatutoryClocksReadModel';
import { RateLimitWindows1765100000000 } from './1765100000000-RateLimitWindows';
import { EventsWebhooksAndMail1765200000000 } from './1765200000000-EventsWebhooksAndMail';
import { ChainMessages1765300000000 } from './1765300000000-ChainMessages';
import { WebSessions1765300000001 } from './1765300000001-WebSessions';
import { FamilyAnswers1765400000000 } from './1765400000000-FamilyAnswers';
import { TrajectoryClientIndex1765400000001 } from './1765400000001-TrajectoryClientIndex';
import { ProviderCostReports1765500000000 } from './1765500000000-ProviderCostReports';
import { SteeringRollups1765600000000 } from './1765600000000-SteeringRollups';
import { ProviderMonthlyReports1765600000001 } from './1765600000001-ProviderMonthlyReports';
import { TrajectoryClientDomainIndex1765600000002 } from './1765600000002-TrajectoryClientDomainIndex';
import { TrajectoryStateSnapshot1765700000000 } from './1765700000000-TrajectoryStateSnapshot';

/** Every migration, in order. Listed explicitly so the compiled app needs no glob over the file system. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  PaymentsLedger1764300000000,
  DemoArrangementCatalogue1764300000001,
  WorklistsAndOutbox1764400000000,
  ApiIdempotency1764500000000,
  RegionsAndProviderRegister1765000000000,
  DemoRegionsCatalogueAndProviders1765000000001,
  StatutoryClocksReadModel1765000000002,
  RateLimitWindows1765100000000,
  EventsWebhooksAndMail1765200000000,
  ChainMessages1765300000000,
  WebSessions1765300000001,
  FamilyAnswers1765400000000,
  TrajectoryClientIndex1765400000001,
  ProviderCostReports1765500000000,
  SteeringRollups1765600000000,
  ProviderMonthlyReports1765600000001,
  TrajectoryClientDomainIndex1765600000002,
  TrajectoryStateSnapshot1765700000000,
];
