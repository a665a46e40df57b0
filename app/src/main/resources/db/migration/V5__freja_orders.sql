-- Freja eID authentications in flight. The row, not a node's memory, holds Freja's authRef, so any node
-- can answer a guest's poll; the outcome is kept once reached because Freja need not answer for it twice.
-- Rows are deleted after portvakt.identity.freja.order-retention.

create table freja_order (
    -- our own order reference, the only one a browser sees
    id            uuid primary key,
    -- Freja's transaction reference: it lets anyone holding it bind their app, so it stays server-side
    auth_ref      varchar(512)  not null unique,
    -- the invited person, PinVault-encrypted; null for a QR start open to anyone
    expected_pin  varchar(200),
    -- PENDING, then COMPLETE or FAILED
    status        varchar(10)   not null,
    -- the i18n key (freja*.properties) of the final message
    message_key   varchar(100),
    -- who identified (COMPLETE only): PinVault-encrypted identity number and the names Freja vouched for
    person_pin    varchar(200),
    given_name    varchar(200),
    surname       varchar(200),
    created_at    timestamp with time zone not null,
    check (status in ('PENDING', 'COMPLETE', 'FAILED'))
);

create index freja_order_created_at on freja_order (created_at);
