import { ApplicationFailure } from '@temporalio/common';
import { DATA_REJECTED } from '@app/contracts';
import { PaymentRuleError } from '@app/domain';
import { LedgerError } from '@app/ledger';
import { dataFailureOf } from '@app/persistence';

/**
 * Runs one activity body and sorts its failure: what retrying cannot fix is non-retryable, typed by its code —
 * a ledger or payment rule refusal (its code), or a write the database refused on its data (DATA_REJECTED: the
 * workflow opens an incident). Everything else (the database or network away) stays retryable, as before.
 * The failure's message names the SQLSTATE and what refused, never the value or the SQL parameters.
 */
export async function classified<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof LedgerError || error instanceof PaymentRuleError) {
      throw ApplicationFailure.nonRetryable(error.message, error.code);
    }
    const data = dataFailureOf(error);
    if (data) {
      throw ApplicationFailure.nonRetryable(
        `the database refused the data (SQLSTATE ${data.sqlState} at ${data.where})`,
        DATA_REJECTED,
      );
    }
    throw error;
  }
}
