-- ri-billing business tables. One script for H2 (MODE=MySQL) and MySQL/MariaDB.
-- Amounts are DECIMAL, never floating point. Date-times are UTC (DATETIME(6), no zone).

-- Every input file ever imported, by content hash.
CREATE TABLE input_file (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    sha256          CHAR(64)     NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    file_name       VARCHAR(512) NOT NULL,
    path            VARCHAR(2048) NOT NULL,
    first_import_at DATETIME(6)  NOT NULL,
    last_import_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_input_file_sha UNIQUE (sha256)
);

-- Per import run and file: what happened to its rows (rowsRead = loaded + rejected + duplicate + skipped).
CREATE TABLE import_file_stats (
    job_instance_id BIGINT       NOT NULL,
    file_id         BIGINT       NOT NULL,
    path            VARCHAR(2048) NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    rows_read       BIGINT       NOT NULL DEFAULT 0,
    rows_loaded     BIGINT       NOT NULL DEFAULT 0,
    rows_rejected   BIGINT       NOT NULL DEFAULT 0,
    rows_duplicate  BIGINT       NOT NULL DEFAULT 0,
    rows_skipped    BIGINT       NOT NULL DEFAULT 0,
    rows_updated    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (job_instance_id, file_id)
);

-- Rows that could not be used, with the reason; the rejects CSV files are rendered from here.
CREATE TABLE rejected_row (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_instance_id BIGINT       NOT NULL,
    file_id         BIGINT       NOT NULL,
    line_number     BIGINT       NOT NULL,
    reason_code     VARCHAR(40)  NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    raw_line        MEDIUMTEXT   NOT NULL
);
CREATE INDEX ix_rejected_row_run ON rejected_row (job_instance_id, file_id, line_number);

-- Replaced versions of keyed rows (customers, reservations, prices, isf, fx, partner invoice), for audit.
CREATE TABLE row_history (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(32)  NOT NULL,
    natural_key     VARCHAR(512) NOT NULL,
    old_values      MEDIUMTEXT   NOT NULL,
    new_values      MEDIUMTEXT   NOT NULL,
    changed_at      DATETIME(6)  NOT NULL,
    job_instance_id BIGINT       NOT NULL,
    file_id         BIGINT       NOT NULL,
    line_number     BIGINT       NOT NULL,
    old_file_id     BIGINT       NOT NULL,
    old_line_number BIGINT       NOT NULL
);
CREATE INDEX ix_row_history_key ON row_history (kind, natural_key);
CREATE INDEX ix_row_history_new_source ON row_history (file_id, line_number);
CREATE INDEX ix_row_history_old_source ON row_history (old_file_id, old_line_number);

CREATE TABLE customer (
    customer_id              VARCHAR(64)  NOT NULL,
    customer_name            VARCHAR(256) NOT NULL,
    billing_currency         CHAR(3)      NOT NULL,
    payg_markup_pct          DECIMAL(12,6) NOT NULL,
    reservation_markup_pct   DECIMAL(12,6) NOT NULL,
    reseller_id              VARCHAR(64),
    row_values          VARCHAR(4000) NOT NULL,
    file_id                  BIGINT       NOT NULL,
    line_number              BIGINT       NOT NULL,
    loaded_at                DATETIME(6)  NOT NULL,
    PRIMARY KEY (customer_id)
);

-- Every version of a customer, valid from the time it was loaded: the reseller in effect on a date and the
-- reservation markup in force when a reservation was first loaded are looked up here.
CREATE TABLE customer_version (
    customer_id              VARCHAR(64)  NOT NULL,
    version_no               INT          NOT NULL,
    valid_from               DATETIME(6)  NOT NULL,
    billing_currency         CHAR(3)      NOT NULL,
    payg_markup_pct          DECIMAL(12,6) NOT NULL,
    reservation_markup_pct   DECIMAL(12,6) NOT NULL,
    reseller_id              VARCHAR(64),
    PRIMARY KEY (customer_id, version_no)
);

CREATE TABLE reservation (
    reservation_id           VARCHAR(128) NOT NULL,
    reservation_order_id     VARCHAR(128) NOT NULL,
    customer_id              VARCHAR(64)  NOT NULL,
    sku_name                 VARCHAR(128) NOT NULL,
    sku_display              VARCHAR(128) NOT NULL,
    region                   VARCHAR(64)  NOT NULL,
    quantity                 DECIMAL(18,6) NOT NULL,
    term                     VARCHAR(8)   NOT NULL,
    billing_plan             VARCHAR(16)  NOT NULL,
    scope_type               VARCHAR(16)  NOT NULL,
    scope_subscription_id    VARCHAR(128),
    scope_resource_group     VARCHAR(256),
    instance_flexibility     BOOLEAN      NOT NULL,
    benefit_start            DATETIME(6)  NOT NULL,
    expiry                   DATETIME(6)  NOT NULL,
    total_price              DECIMAL(19,6) NOT NULL,
    pricing_currency         CHAR(3)      NOT NULL,
    status                   VARCHAR(16)  NOT NULL,
    cancelled_at             DATETIME(6),
    exchanged_from           VARCHAR(128),
    reseller_id              VARCHAR(64),
    reservation_markup_pct   DECIMAL(12,6) NOT NULL,
    first_loaded_at          DATETIME(6)  NOT NULL,
    row_values          VARCHAR(4000) NOT NULL,
    file_id                  BIGINT       NOT NULL,
    line_number              BIGINT       NOT NULL,
    PRIMARY KEY (reservation_id)
);
CREATE INDEX ix_reservation_customer ON reservation (customer_id);

CREATE TABLE price (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    arm_sku_name        VARCHAR(128) NOT NULL,
    arm_region_name     VARCHAR(64)  NOT NULL,
    price_type          VARCHAR(16)  NOT NULL,
    reservation_term    VARCHAR(16)  NOT NULL,
    currency_code       CHAR(3)      NOT NULL,
    effective_start     DATE         NOT NULL,
    unit_price          DECIMAL(24,10) NOT NULL,
    meter_name          VARCHAR(256),
    product_name        VARCHAR(256),
    row_values          VARCHAR(4000) NOT NULL,
    file_id             BIGINT       NOT NULL,
    line_number         BIGINT       NOT NULL,
    CONSTRAINT uq_price UNIQUE (arm_sku_name, arm_region_name, price_type, reservation_term, currency_code, effective_start)
);

CREATE TABLE isf_ratio (
    arm_sku_name        VARCHAR(128) NOT NULL,
    isf_group           VARCHAR(128) NOT NULL,
    ratio               DECIMAL(18,6) NOT NULL,
    row_values          VARCHAR(4000) NOT NULL,
    file_id             BIGINT       NOT NULL,
    line_number         BIGINT       NOT NULL,
    PRIMARY KEY (arm_sku_name)
);

CREATE TABLE fx_rate (
    rate_date           DATE         NOT NULL,
    from_currency       CHAR(3)      NOT NULL,
    to_currency         CHAR(3)      NOT NULL,
    rate                DECIMAL(24,12) NOT NULL,
    row_values          VARCHAR(4000) NOT NULL,
    file_id             BIGINT       NOT NULL,
    line_number         BIGINT       NOT NULL,
    PRIMARY KEY (rate_date, from_currency, to_currency)
);

-- Usage rows as loaded, in two tables to keep the hot one narrow: usage_line holds the descriptive columns that
-- a resource's rows share (one row per distinct combination, found by the 128-bit hash of its canonical text);
-- usage_row holds one slot of one line. subscription_id is the Azure subscription (EntitlementId when present).
-- slot_hours is 1 for an hourly row and 24 for a daily row. A usage row equal in every column to a stored one has
-- the same line, slot, quantity and price: the unique key finds duplicates, and is also the match job's index.
CREATE TABLE usage_line (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id         VARCHAR(64)  NOT NULL,
    subscription_id     VARCHAR(128) NOT NULL,
    billing_subscription_id VARCHAR(128),
    resource_group      VARCHAR(256),
    resource_uri        VARCHAR(1024),
    meter_category      VARCHAR(128) NOT NULL,
    consumed_service    VARCHAR(128),
    region              VARCHAR(64),
    vm_size             VARCHAR(128),
    vm_size_display     VARCHAR(128),
    billing_currency    CHAR(3)      NOT NULL,
    pricing_currency    CHAR(3)      NOT NULL,
    pricing_model       VARCHAR(32),
    meter_name          VARCHAR(256),
    charge_type         VARCHAR(64),
    additional_info     VARCHAR(4000),
    line_hash_hi        BIGINT       NOT NULL,
    line_hash_lo        BIGINT       NOT NULL
);
CREATE UNIQUE INDEX uq_usage_line_hash ON usage_line (line_hash_hi, line_hash_lo);

CREATE TABLE usage_row (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id         VARCHAR(64)  NOT NULL,
    usage_date          DATE         NOT NULL,
    line_id             BIGINT       NOT NULL,
    slot_start          DATETIME(6)  NOT NULL,
    slot_hours          SMALLINT     NOT NULL,
    quantity            DECIMAL(24,10) NOT NULL,
    unit_price          DECIMAL(24,10) NOT NULL,
    file_id             BIGINT       NOT NULL,
    line_number         BIGINT       NOT NULL
);
CREATE UNIQUE INDEX uq_usage_row ON usage_row (customer_id, usage_date, line_id, slot_start, slot_hours, quantity, unit_price);

CREATE TABLE partner_invoice_row (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_number      VARCHAR(64)  NOT NULL,
    customer_id         VARCHAR(64)  NOT NULL,
    charge_type         VARCHAR(64)  NOT NULL,
    reservation_order_id VARCHAR(128) NOT NULL,
    charge_start_date   DATE         NOT NULL,
    charge_end_date     DATE         NOT NULL,
    quantity            DECIMAL(18,6) NOT NULL,
    unit_price          DECIMAL(24,10) NOT NULL,
    subtotal            DECIMAL(19,6) NOT NULL,
    pricing_currency    CHAR(3)      NOT NULL,
    pc_to_bc_rate       DECIMAL(24,12),
    currency            CHAR(3),
    reseller_mpn_id     VARCHAR(64),
    row_values          VARCHAR(4000) NOT NULL,
    file_id             BIGINT       NOT NULL,
    line_number         BIGINT       NOT NULL,
    CONSTRAINT uq_partner_invoice_row UNIQUE (invoice_number, reservation_order_id, charge_type, charge_start_date)
);

-- Latest attempt number per job and natural run key (see JobRunner): a FAILED attempt is restarted by
-- running the same command again, a COMPLETED one makes the next run a new attempt.
CREATE TABLE job_attempt (
    job_name            VARCHAR(100) NOT NULL,
    run_key             VARCHAR(64)  NOT NULL,
    attempt             BIGINT       NOT NULL,
    PRIMARY KEY (job_name, run_key)
);
