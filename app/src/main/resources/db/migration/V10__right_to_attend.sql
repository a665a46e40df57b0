-- A participant's right to be in a meeting is re-checked whenever the meeting or the invitation changes.

-- When the invitee's address, number or named person last changed: a proof of identity made before it proved
-- someone who may not be the invitee now, and is worth nothing.
alter table invitee add column identity_changed_at timestamp with time zone;

-- Why a participant was taken out (CANCELLED, IDENTIFY_AGAIN, RESCHEDULED), so a tab that reconnects is told
-- the same; null when a host's command or the guest's own leaving put them where they are.
alter table participant add column closed_reason varchar(20);
