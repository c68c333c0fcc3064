-- The ledger's default order is the paper ledger's: newest meeting first, then problem number, then measure
-- number. Those keys live on meeting and problem, so every page used to join three tables and sort across them
-- (temporary table + filesort over every row). Copies of them on measure, kept by the entity, let one index serve
-- the order and a page read only its 50 rows. Not audited: they are derived, and never change what a row says.
alter table measure add column meeting_id bigint;
alter table measure add column meeting_held_on date;
alter table measure add column problem_seq int;

update measure set
    meeting_id = (select p.meeting_id from problem p where p.id = measure.problem_id),
    problem_seq = (select p.seq_no from problem p where p.id = measure.problem_id),
    meeting_held_on = (select mt.held_on from problem p join meeting mt on mt.id = p.meeting_id
                       where p.id = measure.problem_id);

alter table measure modify column meeting_id bigint not null;
alter table measure modify column meeting_held_on date not null;
alter table measure modify column problem_seq int not null;
alter table measure add constraint fk_measure_meeting foreign key (meeting_id) references meeting (id);

-- Ungrouped ledger (all meetings), and the deep pages read backwards along the same index.
create index ix_measure_ledger_order on measure (meeting_held_on desc, meeting_id desc, problem_seq, seq_no, id);
-- One meeting's ledger (the dashboard's and the ledger's usual selection).
create index ix_measure_meeting_order on measure (meeting_id, problem_seq, seq_no, id);
-- Grouped by unit: each group's page in the ledger's order.
create index ix_measure_unit_order on measure (unit_id, meeting_held_on desc, meeting_id desc, problem_seq, seq_no,
                                               id);
