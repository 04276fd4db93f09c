-- Usage rows per customer and day, kept by the import in the same transaction as the rows themselves. The match
-- job plans its partitions from it (which customers have usage in a period, and how much work each brings)
-- without scanning usage_row, which holds months of hourly rows.
CREATE TABLE usage_customer_day (
    customer_id         VARCHAR(64)  NOT NULL,
    usage_date          DATE         NOT NULL,
    row_count           BIGINT       NOT NULL,
    PRIMARY KEY (customer_id, usage_date)
);
CREATE INDEX ix_usage_customer_day_date ON usage_customer_day (usage_date);

INSERT INTO usage_customer_day (customer_id, usage_date, row_count)
    SELECT customer_id, usage_date, COUNT(*) FROM usage_row GROUP BY customer_id, usage_date;
