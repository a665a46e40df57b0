-- Typed audit records (issue 16): the actor by id, the meeting and person concerned as columns the search uses,
-- the evidence an identification rested on, details kept in full as JSON, and personal data apart so the
-- retention purge can erase it while the hash chain (V31) keeps verifying.

-- who: "staff:<uuid>", "guest:<uuid>", "api:<uuid>", "person:<PinVault index>" or "system"; never an e-mail.
-- Rows written before this migration named staff by e-mail: rewritten below where the e-mail is still known.
alter table audit_event alter column actor drop not null;
update audit_event set actor = (select 'staff:' || cast(s.id as varchar(36)) from staff_user s where s.email = audit_event.actor)
    where actor in (select email from staff_user);

-- details: a JSON object of strings, written in full (the old column cut at 1,000 characters)
alter table audit_event alter column detail set data type text;

alter table audit_event add column meeting_id uuid;
-- the PinVault keyed hash of the identity number of the person concerned (never the number itself)
alter table audit_event add column person_index varchar(64);
-- the evidence: how the person proved who they are (LINK, EMAIL_CODE, SMS_CODE, BANKID, FREJA, PASSWORD ...)
alter table audit_event add column method varchar(16);
alter table audit_event add column assurance_level varchar(8);
alter table audit_event add column simulated boolean not null default false;
-- personal data about the event (a masked identity number, a verified name), JSON; sealed by personal_hash only
alter table audit_event add column personal text;
-- hex SHA-256 of personal as written; stays when the purge erases personal
alter table audit_event add column personal_hash varchar(64);
alter table audit_event add column personal_purged_at timestamp with time zone;

create index audit_event_meeting on audit_event (meeting_id);
create index audit_event_person on audit_event (person_index);
create index audit_event_actor on audit_event (organisation_id, actor);
