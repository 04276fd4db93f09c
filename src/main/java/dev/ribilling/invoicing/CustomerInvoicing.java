package dev.ribilling.invoicing;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of invoicing one customer for one month: either invoices (one per bill-to party, possibly
 * none when nothing was charged) or a skip with human-readable reasons (contract section 4: the customer
 * gets no invoice this run; the others are issued).
 */
public sealed interface CustomerInvoicing permits CustomerInvoicing.Issued, CustomerInvoicing.Skipped {

    String customerId();

    /** Invoices in bill-to order (direct first). */
    record Issued(String customerId, List<Invoice> invoices) implements CustomerInvoicing {
        public Issued {
            Objects.requireNonNull(customerId, "customerId");
            invoices = List.copyOf(invoices);
        }
    }

    /** @param reasons e.g. "no fx rate USD->EUR for 2026-10-03 ...", one per distinct problem */
    record Skipped(String customerId, List<String> reasons) implements CustomerInvoicing {
        public Skipped {
            Objects.requireNonNull(customerId, "customerId");
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a skip needs a reason");
            }
        }

        /** One line for the run summary: customer id and every reason. */
        public String summary() {
            return "customer " + customerId + " not invoiced: " + String.join("; ", reasons);
        }
    }
}
