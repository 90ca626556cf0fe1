import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ArrangementCatalogue,
  PaymentExportService,
  PaymentLedger,
  ReconciliationService,
} from '@app/ledger';
import { ArrangementsController } from './arrangements.controller';
import { PaymentExportsController } from './payment-exports.controller';
import { PaymentsController } from './payments.controller';
import { ReconciliationController } from './reconciliation.controller';

/**
 * Money over HTTP: the arrangement catalogue, the payment ledger, finance exports and reconciliation. The
 * services are the plain classes of libs/ledger, built from the TypeORM DataSource of DatabaseModule.
 */
@Module({
  controllers: [
    ArrangementsController,
    PaymentsController,
    PaymentExportsController,
    ReconciliationController,
  ],
  providers: [
    {
      provide: ArrangementCatalogue,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new ArrangementCatalogue(ds),
    },
    { provide: PaymentLedger, inject: [DataSource], useFactory: (ds: DataSource) => new PaymentLedger(ds) },
    {
      provide: PaymentExportService,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new PaymentExportService(ds),
    },
    {
      provide: ReconciliationService,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new ReconciliationService(ds),
    },
  ],
  exports: [PaymentLedger, ArrangementCatalogue],
})
export class PaymentsModule {}
