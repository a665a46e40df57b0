-- The waiting room and the meeting's control plane: who is waiting, admitted and in which meeting lives
-- here, so a restart (or another node) finds everyone where they were.

-- Everyone who has come to a meeting: guests from their arrival on, hosts when they open the meeting.
create table participant (
    id              uuid primary key,
    -- the meeting the participant is in or waiting for; a host may move a guest to another of the room's
    meeting_id      uuid        not null references meeting (id),
    -- exactly one of these: the invitee (a guest) or the staff user (a host)
    invitee_id      uuid unique references invitee (id),
    staff_id        uuid        references staff_user (id),
    -- WAITING, ADMITTED (waiting for the host), IN_MEETING, DENIED, REMOVED, LEFT
    state           varchar(16) not null,
    -- the roster's badge: the name shown (the pseudonym's owner is for the host only)
    display_name    varchar(200) not null,
    verified_name   varchar(200),
    method          varchar(16),
    assurance_level varchar(8),
    simulated       boolean     not null default false,
    pseudonym       varchar(8),
    -- when the participant started waiting (again): the host console's order and waiting time
    waiting_since   timestamp with time zone not null,
    changed_at      timestamp with time zone not null,
    -- the host's optional words on denial, shown to the guest
    deny_message    varchar(500),
    unique (meeting_id, staff_id),
    check ((invitee_id is null) <> (staff_id is null))
);
create index participant_meeting on participant (meeting_id, state);

-- A meeting's life as the control plane sees it: started when its host first joins, maybe locked, ended.
create table meeting_session (
    meeting_id uuid primary key references meeting (id),
    started_at timestamp with time zone,
    locked     boolean not null default false,
    ended_at   timestamp with time zone
);
