-- Login throttling: consecutive wrong passwords per login, and the time a temporary lock ends (the office can lift
-- it earlier in 用户管理). Not audited: they change with every attempt.
alter table app_user add column failed_logins int not null default 0;
alter table app_user add column locked_until datetime(3);

-- Every login attempt, for the office (登录日志) and for the per-address throttle, which counts the recent failures
-- from one address here, so that all instances see the same count.
create table login_event (
    id         bigint       not null auto_increment primary key,
    at         datetime(3)  not null,
    username   varchar(100) not null,
    account_id bigint,
    address    varchar(64)  not null,
    outcome    varchar(20)  not null
);
create index login_event_address_at on login_event (address, at);
create index login_event_at on login_event (at);
