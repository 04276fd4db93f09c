-- One run at a time per installation, also across machines sharing the database. The holder refreshes its
-- heartbeat; a lock whose heartbeat is older than billing.lock.stale-after belongs to a dead process and is taken
-- over (its STARTED job execution is then recovered and restarted).
CREATE TABLE job_lock (
    lock_name           VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner               VARCHAR(128) NOT NULL,
    host                VARCHAR(256) NOT NULL,
    pid                 BIGINT       NOT NULL,
    command             VARCHAR(256) NOT NULL,
    acquired_at         DATETIME(6)  NOT NULL,
    heartbeat_at        DATETIME(6)  NOT NULL
);

-- Inbox files the nightly run has imported, by content: a file seen again is not imported again.
CREATE TABLE inbox_file (
    sha256              CHAR(64)     NOT NULL PRIMARY KEY,
    file_name           VARCHAR(512) NOT NULL,
    imported_at         DATETIME(6)  NOT NULL,
    moved_to            VARCHAR(2048) NOT NULL
);
