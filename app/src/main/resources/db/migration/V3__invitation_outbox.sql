-- The invitation outbox: every e-mail and SMS to send, written in the same transaction as the booking
-- change it tells of, and rendered then, so a message says what was true when it was queued.

create table outbox_message (
    id              uuid primary key,
    organisation_id uuid          not null references organisation (id),
    meeting_id      uuid          not null references meeting (id),
    invitee_id      uuid          not null references invitee (id),
    -- EMAIL or SMS
    channel         varchar(8)    not null,
    -- an e-mail address or an E.164 mobile number
    recipient       varchar(320)  not null,
    subject         varchar(400),
    body_text       text          not null,
    body_html       text,
    -- the iCalendar object (METHOD:REQUEST or CANCEL) of an e-mail, else null
    calendar        text,
    -- RFC 5322 Message-ID, the same on every attempt, so a resend is recognisable as the same message
    message_id      varchar(250)  not null unique,
    -- PENDING -> SENDING (claimed by one node until claimed_until) -> SENT, or back to PENDING, or FAILED
    status          varchar(10)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamp with time zone not null,
    claimed_until   timestamp with time zone,
    last_error      varchar(1000),
    -- how a sent message left: SMTP, SMS_GATEWAY, or DEV_MAILBOX (kept, not sent: the embedded default)
    delivered_via   varchar(16),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    check (channel in ('EMAIL', 'SMS')),
    check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED'))
);
-- the worker's query: due PENDING rows, and SENDING rows whose claim has run out
create index outbox_message_due on outbox_message (status, next_attempt_at);
create index outbox_message_meeting on outbox_message (meeting_id, created_at);
