-- Version 3: reminder mails through an outbox, job locks across instances, settings the office changes.

-- ShedLock: a scheduled job runs on one instance at a time.
create table shedlock (
    name       varchar(64)  not null,
    lock_until datetime(3)  not null,
    locked_at  datetime(3)  not null,
    locked_by  varchar(255) not null,
    primary key (name)
);

-- Every mail is recorded here first, then sent. The idempotency key (e.g. person + kind + date) is unique, so a
-- job that runs twice, restarts, or runs on two instances at once cannot queue the same mail twice.
create table mail_outbox (
    id              bigint       not null auto_increment,
    version         int          not null default 0,
    idem_key        varchar(150) not null,
    kind            varchar(30)  not null,
    person_id       bigint,
    recipient_name  varchar(100) not null,
    recipient_email varchar(200),
    subject         varchar(300) not null,
    body_html       longtext     not null,
    body_text       longtext     not null,
    status          varchar(20)  not null,
    attempts        int          not null default 0,
    next_attempt_at datetime,
    last_error      varchar(1000),
    created_at      datetime     not null,
    sent_at         datetime,
    primary key (id),
    constraint uk_mail_outbox_key unique (idem_key),
    constraint fk_mail_outbox_person foreign key (person_id) references person (id)
);
create index ix_mail_outbox_status on mail_outbox (status, next_attempt_at);
create index ix_mail_outbox_created on mail_outbox (created_at);

-- Settings the office changes in the portal (reminder windows); absent keys fall back to application.properties.
create table app_setting (
    setting_name  varchar(100) not null,
    setting_value varchar(500) not null,
    version       int          not null default 0,
    primary key (setting_name)
);
