#include "app_schema.h"

namespace facepos {

namespace {

// Orders, the payment journal, refunds, shifts, the outbox, caches and the audit log (issue 4, docs/architecture.md
// "Orders and the outbox"). Amounts are integers in minor units (fen); times are UTC milliseconds since the epoch
// unless the column says otherwise.
constexpr char kStoreSchema[] = R"sql(
-- The order-number counter; <data.dir>/order-sequence keeps its high-water mark outside the database (order_number.h).
CREATE TABLE order_sequence (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  next  INTEGER NOT NULL CHECK (next >= 1)
) STRICT;
INSERT INTO order_sequence(id, next) VALUES (1, 1);

CREATE TABLE shifts (
  id                INTEGER PRIMARY KEY,
  shift_no          TEXT NOT NULL UNIQUE,
  operator_id       TEXT NOT NULL,
  opened_at         INTEGER NOT NULL,
  opening_float_fee INTEGER NOT NULL CHECK (opening_float_fee >= 0),
  closed_at         INTEGER,
  counted_cash_fee  INTEGER CHECK (counted_cash_fee >= 0),
  report            TEXT
) STRICT;
CREATE UNIQUE INDEX shifts_one_open ON shifts((1)) WHERE closed_at IS NULL;

CREATE TABLE orders (
  id                 INTEGER PRIMARY KEY,
  record_id          TEXT NOT NULL UNIQUE,
  revision           INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  mch_order_no       TEXT NOT NULL UNIQUE,
  channel            TEXT NOT NULL CHECK (channel IN ('wechat', 'alipay', 'unionpay', 'face', 'cash')),
  status             TEXT NOT NULL CHECK (status IN ('CREATED', 'PAYING', 'PAID', 'FAILED', 'CLOSED', 'REVERSED')),
  total_fee          INTEGER NOT NULL CHECK (total_fee BETWEEN 1 AND 100000000),
  discount_fee       INTEGER NOT NULL DEFAULT 0 CHECK (discount_fee >= 0 AND discount_fee < total_fee),
  voucher_deduct_fee INTEGER NOT NULL DEFAULT 0 CHECK (voucher_deduct_fee BETWEEN 0 AND discount_fee),
  payable_fee        INTEGER NOT NULL CHECK (payable_fee = total_fee - discount_fee),
  currency           TEXT NOT NULL,
  operator_id        TEXT NOT NULL,
  shift_no           TEXT,
  member_no          TEXT,
  voucher_nos        TEXT,
  note               TEXT,
  platform_order_no  TEXT,
  channel_order_no   TEXT,
  cash_received_fee  INTEGER CHECK (cash_received_fee >= payable_fee),
  change_fee         INTEGER CHECK (change_fee >= 0),
  refunded_fee       INTEGER NOT NULL DEFAULT 0 CHECK (refunded_fee BETWEEN 0 AND payable_fee),
  created_at         INTEGER NOT NULL,
  paid_at            INTEGER,
  ended_at           INTEGER,
  settled_at         INTEGER
) STRICT;
CREATE INDEX orders_created ON orders(created_at);
CREATE INDEX orders_unfinished ON orders(id) WHERE status IN ('CREATED', 'PAYING');
CREATE INDEX orders_shift ON orders(shift_no);

CREATE TABLE payment_journal (
  id           INTEGER PRIMARY KEY,
  record_id    TEXT NOT NULL UNIQUE,
  mch_order_no TEXT NOT NULL REFERENCES orders(mch_order_no) ON DELETE CASCADE,
  attempt      INTEGER NOT NULL CHECK (attempt >= 1),
  action       TEXT NOT NULL CHECK (action IN ('charge', 'query', 'reverse', 'close')),
  outcome      TEXT NOT NULL,
  masked_code  TEXT,
  at           INTEGER NOT NULL,
  settled_at   INTEGER
) STRICT;
CREATE INDEX payment_journal_order ON payment_journal(mch_order_no);

CREATE TABLE refunds (
  id                 INTEGER PRIMARY KEY,
  record_id          TEXT NOT NULL UNIQUE,
  mch_refund_no      TEXT NOT NULL UNIQUE,
  mch_order_no       TEXT NOT NULL REFERENCES orders(mch_order_no) ON DELETE CASCADE,
  channel            TEXT NOT NULL,
  refund_fee         INTEGER NOT NULL CHECK (refund_fee BETWEEN 1 AND 100000000),
  currency           TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('SUCCESS', 'FAIL', 'PROCESSING')),
  operator_id        TEXT NOT NULL,
  authorised_by      TEXT NOT NULL,
  reason             TEXT,
  platform_refund_no TEXT,
  created_at         INTEGER NOT NULL,
  success_at         INTEGER
) STRICT;
CREATE INDEX refunds_order ON refunds(mch_order_no);

CREATE TABLE events (
  id         INTEGER PRIMARY KEY,
  record_id  TEXT NOT NULL UNIQUE,
  kind       TEXT NOT NULL CHECK (kind IN ('points', 'event')),
  reference  TEXT,
  payload    TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX events_created ON events(created_at);

-- One row per delivery: a sync_upload record (call = 'sync_upload') or a whole device call. `reference` names the
-- order, refund or shift it is about. A row leaves 'pending' only for 'acked' (the backend has it), 'dead' (refused
-- for good, kept with the reason) or 'superseded' (a newer revision of the same record took its place).
CREATE TABLE outbox (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  call          TEXT NOT NULL,
  record_id     TEXT NOT NULL,
  kind          TEXT,
  revision      INTEGER NOT NULL CHECK (revision >= 1),
  reference     TEXT,
  created_at    TEXT NOT NULL,
  payload       TEXT NOT NULL,
  state         TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'acked', 'dead', 'superseded')),
  enqueued_at   INTEGER NOT NULL,
  attempts      INTEGER NOT NULL DEFAULT 0,
  last_error    TEXT,
  done_at       INTEGER,
  dead_code     TEXT,
  dead_message  TEXT,
  UNIQUE (record_id, revision)
) STRICT;
CREATE INDEX outbox_pending ON outbox(id) WHERE state = 'pending';
CREATE INDEX outbox_dead ON outbox(id) WHERE state = 'dead';
CREATE INDEX outbox_reference ON outbox(reference);

CREATE TABLE sync_state (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE clerks_cache (
  employee_no TEXT PRIMARY KEY NOT NULL,
  name        TEXT NOT NULL,
  disabled    INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  data        TEXT NOT NULL,
  fetched_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE members_cache (
  member_card_no TEXT PRIMARY KEY NOT NULL,
  member_no      TEXT NOT NULL,
  data           TEXT NOT NULL,
  fetched_at     INTEGER NOT NULL
) STRICT;

CREATE TABLE vouchers_cache (
  voucher_no TEXT PRIMARY KEY NOT NULL,
  data       TEXT NOT NULL,
  fetched_at INTEGER NOT NULL
) STRICT;

-- Settings changed on the device (by a merchant or technician), over the configuration file's values.
CREATE TABLE local_settings (
  key        TEXT PRIMARY KEY NOT NULL,
  value      TEXT NOT NULL,
  changed_at INTEGER NOT NULL,
  changed_by TEXT NOT NULL
) STRICT;

-- Append-only and hash-chained: hash = SHA-256(prev_hash | id | at | actor | action | detail), hex.
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  detail    TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql";

}  // namespace

const std::vector<Migration>& appMigrations() {
    static const std::vector<Migration> migrations{
        {1, "device metadata",
         "CREATE TABLE device_meta (\n"
         "  key   TEXT PRIMARY KEY NOT NULL,\n"
         "  value TEXT NOT NULL\n"
         ") STRICT;"},
        {2, "orders, payment journal, refunds, shifts, outbox, caches, audit log", kStoreSchema},
    };
    return migrations;
}

}  // namespace facepos
