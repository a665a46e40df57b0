-- Per-organisation rules for guests: when joining opens, and which e-legitimations count (issue 3).

-- minutes before a meeting's start that its guests may join
alter table organisation add column join_opens_minutes integer not null default 15;

-- One row per organisation that has set rules; none means: every e-legitimation, no minimum age.
create table eid_rule (
    organisation_id uuid primary key references organisation (id),
    -- years; null: no minimum age. Computed from the verified personal identity number.
    minimum_age     integer,
    -- comma-separated EidMethod names accepted at LOA3, e.g. 'BANKID,FREJA'
    accepted        varchar(100) not null,
    updated_at      timestamp with time zone not null
);
