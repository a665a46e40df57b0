-- The HSA-id (Swedish healthcare's directory id, e.g. SE2321000016-1234) a staff member is known by in a SITHS
-- card or in an identity provider's claim; unique across organisations, like the e-mail.
alter table staff_user add column hsa_id varchar(64);
create unique index staff_user_hsa_id on staff_user (hsa_id);
