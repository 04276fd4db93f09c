-- Usage stored packed: one row per customer, usage date and usage line (and pack number) holding all of that
-- line's usage rows of the day as encoded entries (dev.ribilling.ingest.UsageEntries documents the text format:
-- slot start hour within the day, slot hours, quantity, UnitPrice, file id and line number of every row). An
-- hourly VM's day is 24 CSV rows and one database row. entries is capped at 12,000 characters (MySQL counts 4
-- bytes a character in utf8mb4 against its 65,535-byte row limit); a line-day with more entries than fit spills
-- into pack_no 1, 2, ... . The primary key finds a line-day's packs for duplicate detection and the match job.
CREATE TABLE usage_pack (
    customer_id         VARCHAR(64)  NOT NULL,
    usage_date          DATE         NOT NULL,
    line_id             BIGINT       NOT NULL,
    pack_no             INT          NOT NULL,
    entry_count         INT          NOT NULL,
    entries             VARCHAR(12000) NOT NULL,
    PRIMARY KEY (customer_id, usage_date, line_id, pack_no)
);

-- Loaded usage rows per input file, customer, usage date and pricing currency, kept by the import in the same
-- transaction as the packs: the readers that select by file (the nightly job's new days and late-usage alerts,
-- the input files of an invoice) never decode packs. amount = the sum of quantity x UnitPrice at the stored scale.
CREATE TABLE usage_file_day (
    file_id             BIGINT       NOT NULL,
    customer_id         VARCHAR(64)  NOT NULL,
    usage_date          DATE         NOT NULL,
    pricing_currency    CHAR(3)      NOT NULL,
    row_count           BIGINT       NOT NULL,
    amount              DECIMAL(60,20) NOT NULL,
    PRIMARY KEY (file_id, customer_id, usage_date, pricing_currency)
);
CREATE INDEX ix_usage_file_day_customer ON usage_file_day (customer_id, usage_date);

INSERT INTO usage_file_day (file_id, customer_id, usage_date, pricing_currency, row_count, amount)
    SELECT r.file_id, r.customer_id, r.usage_date, l.pricing_currency, COUNT(*), SUM(r.quantity * r.unit_price)
    FROM usage_row r JOIN usage_line l ON l.id = r.line_id
    GROUP BY r.file_id, r.customer_id, r.usage_date, l.pricing_currency;

-- usage_pack is filled from usage_row by the Java migration V7__Pack_usage_rows (it encodes and spills packs with
-- the import's own encoder), which then drops usage_row.
