/**
 * Reference data kept by contract management (issue 14): the regions with their municipalities and
 * published policies, and the provider register (contracts per region and arrangement, intake freezes).
 * Plain classes over a TypeORM DataSource (no Nest), like libs/ledger.
 */
export { RegisterError } from './register-error';
export type { RegisterErrorCode } from './register-error';
export { RegionDirectory } from './region-directory';
export type { RegionView } from './region-directory';
export { ProviderRegister } from './provider-register';
export type {
  ContractView,
  IntakeFreezeView,
  NewContract,
  NewIntakeFreeze,
  ProviderView,
} from './provider-register';
export { CostReports } from './cost-reports';
export type { CostReportView } from './cost-reports';
export { MonthlyReports } from './monthly-reports';
export type { MonthlyReportKind, MonthlyReportView } from './monthly-reports';
