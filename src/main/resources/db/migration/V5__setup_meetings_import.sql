-- Version 5: the office sets up its own organization and meetings, imports the Excel ledgers it keeps, carries
-- last year's unfinished items over and marks problems that come back.

-- Units and categories are disabled, never deleted once used; their renames are kept by Envers.
alter table org_unit add column active boolean not null default true;

create table org_unit_aud (
    id         bigint not null,
    rev        bigint not null,
    revtype    tinyint,
    name       varchar(100),
    code       varchar(40),
    kind       varchar(20),
    parent_id  bigint,
    path       varchar(500),
    sort_order int,
    active     boolean,
    primary key (id, rev),
    constraint fk_org_unit_aud_rev foreign key (rev) references revinfo (id)
);

create table person_aud (
    id               bigint not null,
    rev              bigint not null,
    revtype          tinyint,
    name             varchar(50),
    email            varchar(200),
    phone            varchar(40),
    unit_id          bigint,
    position         varchar(30),
    committee_member boolean,
    active           boolean,
    primary key (id, rev),
    constraint fk_person_aud_rev foreign key (rev) references revinfo (id)
);

create table category_aud (
    id         bigint not null,
    rev        bigint not null,
    revtype    tinyint,
    name       varchar(50),
    sort_order int,
    active     boolean,
    primary key (id, rev),
    constraint fk_category_aud_rev foreign key (rev) references revinfo (id)
);

-- The units, people and categories already there get a first entry in their history, so that their first rename
-- after this upgrade keeps the name they had.
insert into revinfo (rev_timestamp, username) values (unix_timestamp() * 1000.0, 'migration');
insert into org_unit_aud (id, rev, revtype, name, code, kind, parent_id, path, sort_order, active)
    select u.id, (select max(r.id) from revinfo r), 0, u.name, u.code, u.kind, u.parent_id, u.path, u.sort_order,
           u.active
    from org_unit u;
insert into person_aud (id, rev, revtype, name, email, phone, unit_id, position, committee_member, active)
    select p.id, (select max(r.id) from revinfo r), 0, p.name, p.email, p.phone, p.unit_id, p.position,
           p.committee_member, p.active
    from person p;
insert into category_aud (id, rev, revtype, name, sort_order, active)
    select c.id, (select max(r.id) from revinfo r), 0, c.name, c.sort_order, c.active from category c;

-- Logins created in bulk get an initial password that must be changed at the first login.
alter table app_user add column must_change_password boolean not null default false;

-- Meetings: the filing with the superior committee (会后N天内报备案).
alter table meeting add column filing_days int not null default 15;
alter table meeting add column filed_on date;

-- Attendees with the position they held at the meeting and their duties (岗位职责清单). The old join table had
-- no room for either; its rows move over with the person's current position.
alter table meeting_attendee rename to meeting_attendee_old;
create table meeting_attendee (
    id         bigint        not null auto_increment,
    version    int           not null default 0,
    meeting_id bigint        not null,
    person_id  bigint        not null,
    position   varchar(30)   not null,
    duties     varchar(2000),
    sort_order int           not null default 0,
    primary key (id),
    constraint uk_meeting_attendee unique (meeting_id, person_id),
    constraint fk_meeting_attendee_meeting foreign key (meeting_id) references meeting (id),
    constraint fk_meeting_attendee_person foreign key (person_id) references person (id)
);
insert into meeting_attendee (meeting_id, person_id, position, sort_order)
    select a.meeting_id, a.person_id, p.position, 0 from meeting_attendee_old a join person p on p.id = a.person_id;
drop table meeting_attendee_old;

-- Carry-over (上年度未整改到位): the new problem points at the measure it continues; one carry-over per measure.
alter table problem add column carried_from_id bigint;
alter table problem add constraint fk_problem_carried_from foreign key (carried_from_id) references measure (id);
create unique index uk_problem_carried_from on problem (carried_from_id);
alter table problem_aud add column carried_from_id bigint;

-- The item code of an imported sheet (事项编号), when it has one: re-imports match on it.
alter table measure add column item_code varchar(64);
create index ix_measure_item_code on measure (item_code);
alter table measure_aud add column item_code varchar(64);

-- 疑似反复出现: a problem whose wording resembles one of an earlier meeting of the same organization.
create table problem_recurrence (
    id                 bigint      not null auto_increment,
    version            int         not null default 0,
    problem_id         bigint      not null,
    earlier_problem_id bigint      not null,
    similarity         int         not null,
    status             varchar(20) not null,
    decided_by         varchar(50),
    decided_at         datetime,
    primary key (id),
    constraint uk_problem_recurrence unique (problem_id, earlier_problem_id),
    constraint fk_recurrence_problem foreign key (problem_id) references problem (id),
    constraint fk_recurrence_earlier foreign key (earlier_problem_id) references problem (id)
);
create index ix_recurrence_status on problem_recurrence (status);
create index ix_recurrence_earlier on problem_recurrence (earlier_problem_id);
