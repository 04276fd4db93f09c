-- Customer invoices: one per customer, month and bill-to party (bill_to '' = sold directly by the partner).
-- The number is assigned at first issue and reused by every rerun and revision.
CREATE TABLE invoice (
    invoice_number      VARCHAR(40)  NOT NULL PRIMARY KEY,
    sequence_no         BIGINT       NOT NULL,
    period              CHAR(7)      NOT NULL,
    customer_id         VARCHAR(64)  NOT NULL,
    bill_to             VARCHAR(64)  NOT NULL,
    currency            CHAR(3)      NOT NULL,
    latest_revision     INT          NOT NULL,
    CONSTRAINT uq_invoice_sequence UNIQUE (sequence_no),
    CONSTRAINT uq_invoice_party UNIQUE (period, customer_id, bill_to)
);

-- Every revision: who issued it, when, why, its total and the SHA-256 of every input it used.
CREATE TABLE invoice_revision (
    invoice_number      VARCHAR(40)  NOT NULL,
    revision            INT          NOT NULL,
    issue_date          DATE         NOT NULL,
    due_date            DATE         NOT NULL,
    issued_at           DATETIME(6)  NOT NULL,
    issued_by           VARCHAR(256) NOT NULL,
    reason              VARCHAR(1000),
    total               DECIMAL(19,4) NOT NULL,
    adjustment_total    DECIMAL(19,4),
    inputs              MEDIUMTEXT   NOT NULL,
    job_execution_id    BIGINT       NOT NULL,
    PRIMARY KEY (invoice_number, revision)
);

-- The lines of a revision (full lines, then the Adjustment lines of a revision > 1), each with how it was computed.
CREATE TABLE invoice_line (
    invoice_number      VARCHAR(40)  NOT NULL,
    revision            INT          NOT NULL,
    line_no             INT          NOT NULL,
    line_type           VARCHAR(32)  NOT NULL,
    key_type            VARCHAR(32)  NOT NULL,
    bill_to             VARCHAR(64)  NOT NULL,
    reservation_id      VARCHAR(128),
    subscription_id     VARCHAR(128),
    sku_name            VARCHAR(128),
    region              VARCHAR(64),
    pricing_model       VARCHAR(32),
    charge_date         DATE,
    description         VARCHAR(1000) NOT NULL,
    quantity            DECIMAL(30,10),
    unit                VARCHAR(16),
    amount              DECIMAL(19,4) NOT NULL,
    detail              MEDIUMTEXT,
    PRIMARY KEY (invoice_number, revision, line_no)
);

-- Invoices computed by one invoice run, before they are issued (numbered, compared with the issued revision).
CREATE TABLE invoice_draft (
    job_instance_id     BIGINT       NOT NULL,
    customer_id         VARCHAR(64)  NOT NULL,
    bill_to             VARCHAR(64)  NOT NULL,
    currency            CHAR(3)      NOT NULL,
    line_no             INT          NOT NULL,
    line_type           VARCHAR(32)  NOT NULL,
    reservation_id      VARCHAR(128),
    subscription_id     VARCHAR(128),
    sku_name            VARCHAR(128),
    region              VARCHAR(64),
    pricing_model       VARCHAR(32),
    charge_date         DATE,
    description         VARCHAR(1000) NOT NULL,
    quantity            DECIMAL(30,10),
    unit                VARCHAR(16),
    amount              DECIMAL(19,4) NOT NULL,
    detail              MEDIUMTEXT,
    PRIMARY KEY (job_instance_id, customer_id, bill_to, line_no)
);

-- Customers an invoice run looked at (with or without lines), so that issuing knows who was recomputed.
CREATE TABLE invoice_draft_customer (
    job_instance_id     BIGINT       NOT NULL,
    customer_id         VARCHAR(64)  NOT NULL,
    skipped             BOOLEAN      NOT NULL,
    PRIMARY KEY (job_instance_id, customer_id)
);
