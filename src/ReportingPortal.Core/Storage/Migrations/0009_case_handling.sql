-- Responders, supervisors and administrators: people with accounts, who sign in to the console with a password
-- and a TOTP code. The public site has no accounts. No client address or user agent is kept for anyone.
create table accounts (
    id                     bigint generated always as identity primary key,
    email                  text        not null,
    display_name           text        not null,
    is_administrator       boolean     not null default false,
    password_hash          text,
    totp_secret            bytea,
    totp_last_step         bigint,
    enrolled_at            timestamptz,
    disabled_at            timestamptz,
    failed_sign_ins        integer     not null default 0,
    sign_in_blocked_until  timestamptz,
    created_at             timestamptz not null default now(),
    constraint enrolled_accounts_have_both_factors
        check (enrolled_at is null or (password_hash is not null and totp_secret is not null))
);

create unique index accounts_email_once on accounts (lower(email));

comment on column accounts.password_hash is 'ASP.NET Core Identity PasswordHasher v3 (PBKDF2-SHA512); null until the account is enrolled.';
comment on column accounts.totp_secret is 'The TOTP key, protected with ASP.NET Core Data Protection; null until the account is enrolled.';
comment on column accounts.totp_last_step is 'The RFC 6238 time step of the last accepted code: a code of that step or an earlier one is refused, so none is used twice.';

-- The responder queues an account works in; a supervisor of a queue can also reassign its cases.
create table account_queues (
    account_id bigint not null references accounts (id) on delete cascade,
    queue      text   not null,
    role       text   not null check (role in ('Responder', 'Supervisor')),
    primary key (account_id, queue)
);

create index account_queues_by_queue on account_queues (queue);

-- Ten one-time codes per account for when the authenticator is lost.
create table recovery_codes (
    account_id bigint      not null references accounts (id) on delete cascade,
    code_hash  bytea       not null,
    used_at    timestamptz,
    primary key (account_id, code_hash)
);

comment on column recovery_codes.code_hash is 'SHA-256 of the recovery code; the code itself is shown once and never stored.';

-- One-time links sent to a person to set a password and enrol: the first administrator's and every invitation.
create table enrolment_links (
    token_hash bytea       primary key,
    account_id bigint      not null references accounts (id) on delete cascade,
    created_by bigint      references accounts (id),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);

create index enrolment_links_by_account on enrolment_links (account_id);

comment on column enrolment_links.token_hash is 'SHA-256 of the token in the link; the token itself is only in the email (or printed once for the first administrator).';

-- The operators' sessions become the console's: each belongs to an account, ends after 30 minutes idle or 8 hours
-- in all, and every one of an account ends when its password changes or it is disabled.
delete from operator_sessions;
alter table operator_sessions rename to console_sessions;
alter index operator_sessions_expiry rename to console_sessions_expiry;
alter table console_sessions add column account_id bigint not null references accounts (id) on delete cascade;
alter table console_sessions add column ends_at timestamptz not null;
create index console_sessions_by_account on console_sessions (account_id);

comment on column console_sessions.expires_at is 'When the session ends unless it is used again (idle timeout).';
comment on column console_sessions.ends_at is 'When the session ends however much it is used (absolute lifetime).';

-- A case is a report as the console handles it: one owner, a status, deadlines. Every report is a case.
create table cases (
    report_id          bigint      primary key references reports (id),
    status             text        not null default 'New' check (status in ('New', 'InProgress', 'Referred', 'Closed')),
    owner_account_id   bigint      references accounts (id),
    outcome            text,
    first_action_due   timestamptz not null,
    feedback_due       timestamptz not null,
    first_action_at    timestamptz,
    closed_at          timestamptz,
    updated_at         timestamptz not null default now(),
    constraint closed_cases_have_an_outcome check ((status = 'Closed') = (outcome is not null and closed_at is not null))
);

create index cases_open_by_due on cases (first_action_due) where status <> 'Closed';
create index cases_by_owner on cases (owner_account_id) where owner_account_id is not null;

comment on column cases.first_action_due is 'When someone should have taken the case, from Cases:Deadlines for its priority at the time it arrived.';
comment on column cases.feedback_due is 'When the reporter should have heard back (the EU Whistleblowing Directive''s three months by default).';

-- The responder queues a case belongs to: those its routing rules chose, and those it was referred to.
create table case_queues (
    report_id bigint      not null references reports (id),
    queue     text        not null,
    how       text        not null check (how in ('Routed', 'Referred')),
    added_at  timestamptz not null default now(),
    primary key (report_id, queue)
);

create index case_queues_by_queue on case_queues (queue, report_id);

create table case_notes (
    id                bigint generated always as identity primary key,
    report_id         bigint      not null references reports (id),
    author_account_id bigint      not null references accounts (id),
    body              text        not null,
    created_at        timestamptz not null default now()
);

create index case_notes_by_report on case_notes (report_id, id);

create table referrals (
    id                 bigint generated always as identity primary key,
    report_id          bigint      not null references reports (id),
    queue              text        not null,
    reason             text        not null,
    referred_by        bigint      not null references accounts (id),
    referred_at        timestamptz not null default now()
);

create index referrals_by_report on referrals (report_id, id);

-- Each deadline reminder is mailed once: due soon, then overdue.
create table case_reminders (
    report_id bigint      not null references reports (id),
    deadline  text        not null check (deadline in ('FirstAction', 'Feedback')),
    stage     text        not null check (stage in ('DueSoon', 'Overdue')),
    sent_at   timestamptz not null,
    primary key (report_id, deadline, stage)
);

-- Mail about cases beside the report's own: a referral to a new queue, a deadline reminder. The topic tells two
-- emails of the same kind to the same address apart (a referral's id, a reminder's deadline and stage).
alter table mail_deliveries drop constraint mail_deliveries_kind_check;
alter table mail_deliveries add constraint mail_deliveries_kind_check
    check (kind in ('Acknowledgement', 'Forward', 'Referral', 'Reminder'));
alter table mail_deliveries drop constraint forwards_have_a_recipient;
alter table mail_deliveries add constraint responder_mail_has_a_recipient
    check (kind = 'Acknowledgement' or recipient is not null);
alter table mail_deliveries add column topic text;
drop index mail_deliveries_once;
create unique index mail_deliveries_once on mail_deliveries (report_id, kind, coalesce(recipient, ''), coalesce(topic, ''));

-- Who did what and when in the console. Append-only: a trigger refuses every change but an insert.
create table audit_log (
    id                 bigint generated always as identity primary key,
    at                 timestamptz not null default now(),
    actor_account_id   bigint      references accounts (id),
    action             text        not null,
    report_id          bigint      references reports (id),
    subject_account_id bigint      references accounts (id),
    detail             text
);

create index audit_log_by_time on audit_log (at desc, id desc);
create index audit_log_by_report on audit_log (report_id, id) where report_id is not null;
create index audit_log_by_actor on audit_log (actor_account_id, id) where actor_account_id is not null;

comment on table audit_log is 'Append-only. Holds no report content and no client address: detail names statuses, outcomes, queues, never what a report or a note says.';

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();

-- The reports already stored become new cases in the queues their forwards went to, with deadlines from now.
insert into cases (report_id, first_action_due, feedback_due)
select id,
       received_at + case priority when 'Urgent' then interval '1 hour' when 'High' then interval '24 hours' else interval '7 days' end,
       received_at + interval '3 months'
from reports;

insert into case_queues (report_id, queue, how, added_at)
select distinct on (report_id, queue) report_id, queue, 'Routed', created_at
from mail_deliveries where kind = 'Forward' and queue is not null;
