-- Retention (issue 16): how long after a meeting its invitees' personal data, attachments, messages and the
-- meeting's own free text are kept, per organisation; and when a meeting's personal data was purged.

-- days after a meeting's end; Organisations.MIN_RETENTION_DAYS to MAX_RETENTION_DAYS
alter table organisation add column retention_days integer not null default 30;

-- set once by the purge (a conditional UPDATE, so one node purges a meeting once)
alter table meeting add column personal_data_purged_at timestamp with time zone;
create index meeting_retention on meeting (organisation_id, personal_data_purged_at, ends_at);
