-- BankID orders in progress. BankID answers collect for any node that holds the RP certificate, so the order's
-- state lives here and not in one node's memory: a guest's next poll may land on another app node.
-- Rows live minutes: a scheduled job deletes them once portvakt.identity.bankid.order-retention has passed.

create table bankid_order (
    -- our own reference, handed to the login flow; stays the same when the BankID order is restarted
    id               uuid         primary key,
    -- BankID's current orderRef; null when the auth call itself was refused (then status is FAILED)
    order_ref        varchar(64)  unique,
    auto_start_token varchar(64),
    qr_start_token   varchar(64),
    -- the animated QR code's HMAC key; never sent to a browser, cleared as soon as the order ends
    qr_start_secret  varchar(64),
    -- when the auth response arrived: second 0 of the animated QR code
    auth_at          timestamp with time zone,
    -- kept to restart an unscanned QR order with the same request
    end_user_ip      varchar(45)  not null,
    user_visible_text varchar(2000),
    -- the person the invitation names, if any: AES-GCM ciphertext (to ask BankID again on a restart)
    -- and the keyed hash the completed identity is compared with; see person.PinVault
    pin_encrypted    varchar(200),
    pin_index        varchar(64),
    -- true once the page has asked for a QR code: the order is then a QR order (RFA1, RFA17B) rather than
    -- a start on this device (RFA13, RFA17A), and an unscanned one is restarted within the retry window
    qr_shown         boolean      not null default false,
    -- BankID's latest hintCode, which decides whether a QR code may still be shown
    last_hint_code   varchar(40),
    -- PENDING -> COMPLETE or FAILED
    status           varchar(10)  not null,
    -- when FAILED: the message key (i18n/bankid) the person is shown
    message_key      varchar(40),
    created_at       timestamp with time zone not null,
    finished_at      timestamp with time zone,
    check (status in ('PENDING', 'COMPLETE', 'FAILED'))
);
create index bankid_order_created on bankid_order (created_at);
