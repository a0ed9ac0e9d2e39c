#include "sandbox/payment_schema.h"

namespace facepos::sandbox {

const char* paymentSchemaSql() {
    // pay_orders: one row per (merchant, mch_order_no). Rows made by order_reverse / order_close for a number the
    // server never saw have no amount (total_fee NULL) and stay out of order_list. trade_state and friends hold the
    // state as last evaluated; the wallet timers move it forward lazily from charged_at and behaviour.
    // auth_code is never stored: auth_code_sha256 (hex) serves the ORDER_CONFLICT check, auth_code_masked the admin.
    return R"SQL(
CREATE TABLE pay_orders (
    id INTEGER PRIMARY KEY,
    merchant_no TEXT NOT NULL,
    mch_order_no TEXT NOT NULL,
    platform_order_no TEXT,
    channel_order_no TEXT,
    channel TEXT,
    total_fee INTEGER,
    fee_type TEXT,
    auth_code_sha256 TEXT,
    auth_code_masked TEXT,
    face_token TEXT,
    behaviour TEXT,
    operator_id TEXT,
    device_id TEXT NOT NULL,
    store_no TEXT,
    shift_no TEXT,
    body TEXT,
    attach TEXT,
    detail TEXT,
    trade_state TEXT NOT NULL,
    trade_err_code TEXT,
    trade_err_msg TEXT,
    created_at INTEGER NOT NULL,
    charged_at INTEGER,
    paid_at INTEGER,
    ended_at INTEGER,
    settled_at INTEGER,
    phone_last4 TEXT,
    phone_attempts_left INTEGER,
    phone_last_attempt TEXT,
    phone_expires_at INTEGER,
    face_then TEXT,
    UNIQUE (merchant_no, mch_order_no)
) STRICT;
CREATE INDEX pay_orders_platform ON pay_orders (platform_order_no);
CREATE INDEX pay_orders_created ON pay_orders (merchant_no, created_at);
-- advanceTimers() runs before every payment call: these keep it from reading every order and refund ever made.
CREATE INDEX pay_orders_waiting ON pay_orders (trade_state)
    WHERE trade_state IN ('USERPAYING', 'SYSTEMERROR', 'NEED_PHONE_CONFIRM');
CREATE INDEX pay_orders_unsettled ON pay_orders (paid_at)
    WHERE trade_state = 'SUCCESS' AND settled_at IS NULL AND channel <> 'cash';
CREATE TABLE pay_refunds (
    id INTEGER PRIMARY KEY,
    merchant_no TEXT NOT NULL,
    mch_refund_no TEXT NOT NULL,
    platform_refund_no TEXT,
    mch_order_no TEXT NOT NULL,
    platform_order_no TEXT,
    refund_fee INTEGER NOT NULL,
    fee_type TEXT NOT NULL,
    refund_state TEXT NOT NULL,
    refund_err_code TEXT,
    refund_err_msg TEXT,
    operator_id TEXT NOT NULL,
    authorised_by TEXT NOT NULL,
    reason TEXT,
    device_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    success_at INTEGER,
    UNIQUE (merchant_no, mch_refund_no)
) STRICT;
CREATE INDEX pay_refunds_order ON pay_refunds (merchant_no, mch_order_no);
CREATE INDEX pay_refunds_processing ON pay_refunds (created_at) WHERE refund_state = 'PROCESSING';
CREATE TABLE pay_face_keys (
    key_id TEXT PRIMARY KEY,
    private_key_der BLOB NOT NULL,
    public_key BLOB NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE pay_face_tokens (
    face_token TEXT PRIMARY KEY,
    merchant_no TEXT NOT NULL,
    device_id TEXT NOT NULL,
    operator_id TEXT NOT NULL,
    issued_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    mch_order_no TEXT
) STRICT;
CREATE TABLE pay_face_script (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    face_id TEXT
) STRICT;
CREATE INDEX pay_face_script_device ON pay_face_script (device_id, id);
CREATE TABLE pay_faces (
    face_id TEXT PRIMARY KEY,
    payer_name TEXT NOT NULL,
    phone TEXT NOT NULL,
    behaviour TEXT NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE pay_face_images (
    id INTEGER PRIMARY KEY,
    face_id TEXT NOT NULL REFERENCES pay_faces (face_id) ON DELETE CASCADE,
    image BLOB NOT NULL
) STRICT;
)SQL";
}

}  // namespace facepos::sandbox
