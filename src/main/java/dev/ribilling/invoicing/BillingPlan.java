package dev.ribilling.invoicing;

/** How a reservation is paid: once at purchase, or in 12 × years equal instalments. */
public enum BillingPlan {
    UPFRONT,
    MONTHLY
}
