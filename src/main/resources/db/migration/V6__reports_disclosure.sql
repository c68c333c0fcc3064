-- Version 6: what the office hands upward and shows its members.

-- 整改公示: an item the office discloses to the party members, in public wording that may differ from the ledger's.
create table disclosure_item (
    id             bigint        not null auto_increment,
    version        int           not null default 0,
    measure_id     bigint        not null,
    public_problem varchar(2000) not null,
    public_measure varchar(2000) not null,
    show_names     boolean       not null default false,
    updated_by     varchar(50)   not null,
    updated_at     datetime      not null,
    primary key (id),
    constraint uk_disclosure_measure unique (measure_id),
    constraint fk_disclosure_measure foreign key (measure_id) references measure (id)
);

-- Reports "as of a date" read the history: the last revision before a day, a meeting's rows at that revision.
create index ix_revinfo_timestamp on revinfo (rev_timestamp);
create index ix_measure_aud_problem on measure_aud (problem_id, id, rev);
create index ix_problem_aud_meeting on problem_aud (meeting_id, id, rev);
