-- Results of the match job, replaced per customer and day whenever that day is matched again.
-- Quantities keep 20 decimals: monthly figures are sums of these unrounded daily values.

-- Per usage line (one resource and meter) and day, summed over its rows of that day with the same UnitPrice:
-- how much of their demand reservations covered. outcome ELIGIBLE, NOT_ELIGIBLE or OVERLAPS_HOURLY_USAGE (the
-- last rejected from matching and billed as it is). This is what invoices need (hours by line, date and price);
-- the hour-by-hour detail is recomputed on demand by the deterministic engine (the explain command).
CREATE TABLE usage_coverage (
    customer_id         VARCHAR(64)  NOT NULL,
    usage_date          DATE         NOT NULL,
    line_id             BIGINT       NOT NULL,
    unit_price          DECIMAL(24,10) NOT NULL,
    outcome             VARCHAR(32)  NOT NULL,
    row_count           INT          NOT NULL,
    quantity            DECIMAL(40,20) NOT NULL,
    demand_units        DECIMAL(40,20) NOT NULL,
    covered_units       DECIMAL(40,20) NOT NULL,
    covered_hours       DECIMAL(40,20) NOT NULL,
    uncovered_hours     DECIMAL(40,20) NOT NULL,
    PRIMARY KEY (customer_id, usage_date, line_id, unit_price, outcome)
);

-- Which reservation covered how much of which usage line on a day.
CREATE TABLE usage_allocation (
    customer_id         VARCHAR(64)  NOT NULL,
    usage_date          DATE         NOT NULL,
    line_id             BIGINT       NOT NULL,
    reservation_id      VARCHAR(128) NOT NULL,
    covered_units       DECIMAL(40,20) NOT NULL,
    covered_hours       DECIMAL(40,20) NOT NULL,
    PRIMARY KEY (customer_id, usage_date, line_id, reservation_id)
);

-- Per reservation and day: capacity, use, amortized cost and, when every covered size had a price, PAYG
-- equivalent and savings, in the reservation's PricingCurrency.
CREATE TABLE reservation_day (
    reservation_id      VARCHAR(128) NOT NULL,
    usage_date          DATE         NOT NULL,
    customer_id         VARCHAR(64)  NOT NULL,
    capacity_units      DECIMAL(40,20) NOT NULL,
    used_units          DECIMAL(40,20) NOT NULL,
    amortized_cost      DECIMAL(40,20) NOT NULL,
    payg_equivalent     DECIMAL(40,20),
    savings             DECIMAL(40,20),
    currency            CHAR(3)      NOT NULL,
    PRIMARY KEY (reservation_id, usage_date)
);
CREATE INDEX ix_reservation_day_customer ON reservation_day (customer_id, usage_date);

-- Alerts raised by the jobs (missing prices, rejected overlaps, ...), replaced with the results they explain.
CREATE TABLE billing_alert (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    source              VARCHAR(32)  NOT NULL,
    customer_id         VARCHAR(64)  NOT NULL,
    alert_date          DATE         NOT NULL,
    kind                VARCHAR(48)  NOT NULL,
    subject             VARCHAR(256),
    message             VARCHAR(1000) NOT NULL
);
CREATE INDEX ix_billing_alert_day ON billing_alert (source, customer_id, alert_date);
