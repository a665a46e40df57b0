-- Identity confirmed inside a meeting: a short code said aloud by one side and typed by the other (citizen feature).
create table identity_confirmation (
    id              uuid primary key,
    meeting_id      uuid        not null references meeting (id),
    invitee_id      uuid        not null references invitee (id),
    -- HOST_SAYS: the host reads the code aloud, the participant types it; PARTICIPANT_SHOWS: the reverse
    direction       varchar(20) not null,
    -- HMAC of the code with the row's id: the code itself is never stored
    code_hash       varchar(64) not null,
    expires_at      timestamp with time zone not null,
    failed_attempts integer     not null,
    created_at      timestamp with time zone not null,
    -- set when the right code was typed in time; the row is then spent
    confirmed_at    timestamp with time zone,
    -- the e-legitimation the participant identified with: BANKID or FREJA
    method          varchar(16) not null
);
create index identity_confirmation_invitee on identity_confirmation (meeting_id, invitee_id);
