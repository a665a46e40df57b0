-- A staff member's whole life: invited by e-mail, sets and resets their own password, is deactivated and
-- reactivated; rooms renamed, retired and ordered; API keys know who made them.

-- replaced by login_failure (V20): nothing reads them
alter table staff_user drop column failed_logins;
alter table staff_user drop column locked_until;
-- the bootstrap administrator's password came from the configuration: it must be replaced at first login
alter table staff_user add column password_change_required boolean not null default false;

-- One-time links that let a staff member set a password: an invitation or a reset. Only a SHA-256 of the
-- token is kept; the token itself goes out once, in the e-mail.
create table staff_password_token (
    id          uuid primary key,
    staff_id    uuid         not null references staff_user (id),
    -- INVITATION or RESET
    purpose     varchar(16)  not null,
    token_hash  varchar(64)  not null unique,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);
create index staff_password_token_staff on staff_password_token (staff_id, created_at);

-- who made the key: deactivating that person revokes it at once
alter table api_key add column created_by uuid references staff_user (id);

-- a retired room takes no new meetings; its meetings and their history stay
alter table room add column retired_at timestamp with time zone;
-- the order the organisation's rooms are shown in (lowest first), then by name
alter table room add column position integer not null default 0;

-- a staff member's set-password e-mail goes through the outbox too, but belongs to no meeting or invitee
alter table outbox_message alter column meeting_id drop not null;
alter table outbox_message alter column invitee_id drop not null;
