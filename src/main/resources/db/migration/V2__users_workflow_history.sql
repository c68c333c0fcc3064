-- Version 2: logins and roles, the rectification workflow (events, extensions, evidence) and the Envers audit trail.

create table app_user (
    id            bigint       not null auto_increment,
    version       int          not null default 0,
    username      varchar(50)  not null,
    password_hash varchar(100) not null,
    display_name  varchar(50)  not null,
    role          varchar(20)  not null,
    person_id     bigint,
    unit_id       bigint,
    enabled       boolean      not null default true,
    primary key (id),
    constraint uk_app_user_username unique (username),
    constraint fk_app_user_person foreign key (person_id) references person (id),
    constraint fk_app_user_unit foreign key (unit_id) references org_unit (id)
);

-- The timeline of a ledger item: every workflow step, written in the same transaction as the change itself.
create table measure_event (
    id          bigint        not null auto_increment,
    measure_id  bigint        not null,
    kind        varchar(30)   not null,
    happened_at datetime      not null,
    event_date  date          not null,
    actor_id    bigint,
    actor_name  varchar(50)   not null,
    note        varchar(2000),
    progress    int,
    from_status varchar(20),
    to_status   varchar(20),
    old_deadline date,
    new_deadline date,
    urged_by    varchar(50),
    primary key (id),
    constraint fk_measure_event_measure foreign key (measure_id) references measure (id),
    constraint fk_measure_event_actor foreign key (actor_id) references app_user (id)
);
create index ix_measure_event_measure on measure_event (measure_id, happened_at);

-- 延期申请: the original deadline stays on the measure's record when one is approved.
create table extension_request (
    id                 bigint        not null auto_increment,
    version            int           not null default 0,
    measure_id         bigint        not null,
    current_deadline   date          not null,
    requested_deadline date          not null,
    reason             varchar(1000) not null,
    status             varchar(20)   not null,
    requested_by       varchar(50)   not null,
    requested_at       datetime      not null,
    decided_by         varchar(50),
    decided_at         datetime,
    decision_note      varchar(1000),
    primary key (id),
    constraint fk_extension_measure foreign key (measure_id) references measure (id)
);
create index ix_extension_measure_status on extension_request (measure_id, status);

-- 佐证材料: the files live on disk (a shared volume when several instances run); here what is known of them.
create table evidence (
    id           bigint       not null auto_increment,
    measure_id   bigint       not null,
    event_id     bigint,
    file_name    varchar(255) not null,
    content_type varchar(100),
    size_bytes   bigint       not null,
    sha256       char(64)     not null,
    storage_key  varchar(200) not null,
    uploaded_by  varchar(50)  not null,
    uploaded_at  datetime    not null,
    primary key (id),
    constraint fk_evidence_measure foreign key (measure_id) references measure (id),
    constraint fk_evidence_event foreign key (event_id) references measure_event (id),
    constraint uk_evidence_storage_key unique (storage_key)
);
create index ix_evidence_measure on evidence (measure_id);

-- Hibernate Envers: one revision per transaction that changed a problem or a measure, with who made it.
create table revinfo (
    id            bigint      not null auto_increment,
    rev_timestamp bigint      not null,
    username      varchar(50),
    primary key (id)
);

create table problem_aud (
    id             bigint not null,
    rev            bigint not null,
    revtype        tinyint,
    meeting_id     bigint,
    seq_no         int,
    scope          varchar(20),
    member_id      bigint,
    source         varchar(40),
    category_id    bigint,
    description    varchar(2000),
    cause_analysis varchar(4000),
    primary key (id, rev),
    constraint fk_problem_aud_rev foreign key (rev) references revinfo (id)
);

create table measure_aud (
    id                bigint not null,
    rev               bigint not null,
    revtype           tinyint,
    problem_id        bigint,
    seq_no            int,
    content           varchar(2000),
    leader_id         bigint,
    unit_id           bigint,
    contact_id        bigint,
    measure_type      varchar(20),
    deadline          date,
    original_deadline date,
    status            varchar(20),
    progress          int,
    progress_note     varchar(2000),
    last_progress_on  date,
    completed_on      date,
    primary key (id, rev),
    constraint fk_measure_aud_rev foreign key (rev) references revinfo (id)
);
