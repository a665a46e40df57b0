-- A child and a guardian as two invitees of one meeting: the guardian's row names the child's. Each still proves
-- their own identity as the meeting demands, under the organisation's rules (minimum age) for their own e-ID; the
-- link only tells the host who comes with whom. Replaced as a whole whenever the meeting's invitees change.
create table invitee_guardian (
    guardian_id uuid primary key references invitee (id) on delete cascade,
    child_id uuid not null references invitee (id) on delete cascade
);
create index invitee_guardian_child on invitee_guardian (child_id);
