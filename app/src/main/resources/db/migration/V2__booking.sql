-- Rooms, meetings, their invitees and attachments.

create table room (
    id               uuid primary key,
    organisation_id  uuid         not null references organisation (id),
    -- the name the organiser sees in the calendar booking, so the host finds the room in the portal
    name             varchar(200) not null,
    created_at       timestamp with time zone not null,
    unique (organisation_id, name)
);

create table meeting (
    id              uuid primary key,
    organisation_id uuid          not null references organisation (id),
    room_id         uuid          not null references room (id),
    host_id         uuid          not null references staff_user (id),
    title           varchar(200)  not null,
    starts_at       timestamp with time zone not null,
    ends_at         timestamp with time zone not null,
    assurance_level varchar(8)    not null,
    confidential    boolean       not null,
    information     varchar(4000),
    -- the language of the invitations: sv, en or fi
    language        varchar(5)    not null,
    status          varchar(16)   not null,
    -- iCalendar UID, stable for the meeting's life; SEQUENCE grows with every change invitees are told of
    calendar_uid    varchar(200)  not null unique,
    sequence        integer       not null,
    -- optimistic lock: two hosts editing at once must not silently overwrite each other
    version         integer       not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    check (ends_at > starts_at)
);
create index meeting_organisation_start on meeting (organisation_id, starts_at);
create index meeting_room_start on meeting (room_id, starts_at);

create table invitee (
    id            uuid primary key,
    meeting_id    uuid         not null references meeting (id),
    name          varchar(200) not null,
    email         varchar(320),
    -- E.164, e.g. +46701234567
    mobile        varchar(20),
    pin_encrypted varchar(200),
    pin_index     varchar(64),
    created_at    timestamp with time zone not null,
    -- a removed invitee is told by a CANCEL and their link stops working; the row stays for the record
    removed_at    timestamp with time zone,
    check (email is not null or mobile is not null)
);
create index invitee_meeting on invitee (meeting_id);
create index invitee_pin on invitee (pin_index);

create table attachment (
    id           uuid primary key,
    meeting_id   uuid         not null references meeting (id),
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    content      bytea        not null,
    created_at   timestamp with time zone not null
);
create index attachment_meeting on attachment (meeting_id);
