import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CostReports, MonthlyReports, ProviderRegister, RegionDirectory } from '@app/register';
import { ContractScope } from './contract-scope';
import { CostReportsController } from './cost-reports.controller';
import { MonthlyReportsController } from './monthly-reports.controller';
import { ProvidersController } from './providers.controller';
import { RegionsController } from './regions.controller';

/** Regions and the provider register over HTTP; the plain classes of libs/register on the DataSource. */
@Module({
  controllers: [RegionsController, ProvidersController, CostReportsController, MonthlyReportsController],
  providers: [
    {
      provide: RegionDirectory,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new RegionDirectory(ds),
    },
    {
      provide: ProviderRegister,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new ProviderRegister(ds),
    },
    {
      provide: CostReports,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new CostReports(ds),
    },
    {
      provide: MonthlyReports,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new MonthlyReports(ds),
    },
    ContractScope,
  ],
  exports: [RegionDirectory, ProviderRegister],
})
export class RegisterModule {}
