-- Rectify schema, version 1: organization, meetings and the rectification ledger.
-- Written in the SQL that both MySQL/MariaDB and H2 (MySQL mode) understand; run on both by the tests.

create table org_unit (
    id          bigint       not null auto_increment,
    version     int          not null default 0,
    name        varchar(100) not null,
    code        varchar(40)  not null,
    kind        varchar(20)  not null,
    parent_id   bigint,
    path        varchar(500) not null,
    sort_order  int          not null default 0,
    primary key (id),
    constraint uk_org_unit_code unique (code),
    constraint fk_org_unit_parent foreign key (parent_id) references org_unit (id)
);
create index ix_org_unit_path on org_unit (path);

create table person (
    id               bigint       not null auto_increment,
    version          int          not null default 0,
    name             varchar(50)  not null,
    email            varchar(200),
    phone            varchar(40),
    unit_id          bigint       not null,
    position         varchar(30)  not null,
    committee_member boolean      not null default false,
    active           boolean      not null default true,
    primary key (id),
    constraint fk_person_unit foreign key (unit_id) references org_unit (id)
);
create index ix_person_unit on person (unit_id);

create table meeting (
    id               bigint       not null auto_increment,
    version          int          not null default 0,
    title            varchar(200) not null,
    kind             varchar(40)  not null,
    org_unit_id      bigint       not null,
    meeting_year     int          not null,
    held_on          date         not null,
    theme            varchar(500),
    guidance_group   varchar(200),
    opinions_count   int          not null default 0,
    criticisms_count int          not null default 0,
    status           varchar(20)  not null,
    primary key (id),
    constraint fk_meeting_unit foreign key (org_unit_id) references org_unit (id)
);

create table meeting_attendee (
    meeting_id bigint not null,
    person_id  bigint not null,
    primary key (meeting_id, person_id),
    constraint fk_attendee_meeting foreign key (meeting_id) references meeting (id),
    constraint fk_attendee_person foreign key (person_id) references person (id)
);

create table category (
    id         bigint      not null auto_increment,
    version    int         not null default 0,
    name       varchar(50) not null,
    sort_order int         not null default 0,
    active     boolean     not null default true,
    primary key (id),
    constraint uk_category_name unique (name)
);

create table problem (
    id             bigint        not null auto_increment,
    version        int           not null default 0,
    meeting_id     bigint        not null,
    seq_no         int           not null,
    scope          varchar(20)   not null,
    member_id      bigint,
    source         varchar(40)   not null,
    category_id    bigint        not null,
    description    varchar(2000) not null,
    cause_analysis varchar(4000),
    primary key (id),
    constraint fk_problem_meeting foreign key (meeting_id) references meeting (id),
    constraint fk_problem_member foreign key (member_id) references person (id),
    constraint fk_problem_category foreign key (category_id) references category (id)
);
create index ix_problem_meeting_seq on problem (meeting_id, seq_no);
create index ix_problem_category on problem (category_id);
create index ix_problem_source on problem (source);

create table measure (
    id                bigint        not null auto_increment,
    version           int           not null default 0,
    problem_id        bigint        not null,
    seq_no            int           not null,
    content           varchar(2000) not null,
    leader_id         bigint        not null,
    unit_id           bigint        not null,
    contact_id        bigint,
    measure_type      varchar(20)   not null,
    deadline          date,
    original_deadline date,
    status            varchar(20)   not null,
    progress          int           not null default 0,
    progress_note     varchar(2000),
    last_progress_on  date,
    completed_on      date,
    primary key (id),
    constraint fk_measure_problem foreign key (problem_id) references problem (id),
    constraint fk_measure_leader foreign key (leader_id) references person (id),
    constraint fk_measure_unit foreign key (unit_id) references org_unit (id),
    constraint fk_measure_contact foreign key (contact_id) references person (id),
    constraint ck_measure_progress check (progress between 0 and 100)
);
-- The ledger's filters.
create index ix_measure_problem_seq on measure (problem_id, seq_no);
create index ix_measure_unit on measure (unit_id);
create index ix_measure_leader on measure (leader_id);
create index ix_measure_contact on measure (contact_id);
create index ix_measure_deadline on measure (deadline);
create index ix_measure_status_deadline on measure (status, deadline);
create index ix_measure_type on measure (measure_type);

-- The categories of the usual meeting themes; the office edits them per year.
insert into category (name, sort_order) values
    ('思想', 10), ('政治', 20), ('组织', 30), ('作风', 40),
    ('纪律', 50), ('廉洁', 60), ('能力', 70), ('为民服务', 80);
