-- The way back for a reporter: the reference and access code open the report again, to read its status and the
-- messages from responders, and to answer them. Nothing here holds a client address or a device identifier.

-- Messages between responders and the reporter, in the order they were written. A responder's message has an author;
-- a reporter's has none (the reporter has no account) and may carry links, cleaned and checked as the form's are.
create table case_messages (
    id                bigint generated always as identity primary key,
    report_id         bigint      not null references reports (id),
    direction         text        not null check (direction in ('ToReporter', 'FromReporter')),
    author_account_id bigint      references accounts (id),
    body              text        not null default '',
    urls              text[]      not null default '{}',
    created_at        timestamptz not null default now(),
    read_at           timestamptz,
    constraint responder_messages_have_an_author check ((direction = 'ToReporter') = (author_account_id is not null)),
    constraint messages_say_something check (body <> '' or cardinality(urls) > 0)
);

create index case_messages_by_report on case_messages (report_id, id);

comment on column case_messages.read_at is 'For a message to the reporter: when the reporter first opened the report after it was written. Null otherwise.';

-- Whether the reporter is told the outcome in plain words when the case is closed; the responder chooses.
alter table cases add column outcome_shared boolean not null default false;

-- Wrong access codes, per reference as typed (normalised), whether or not a report has that reference: a lock must
-- look the same for a reference that exists and one that does not. Kept for an hour.
create table access_code_failures (
    reference text        not null,
    failed_at timestamptz not null
);

create index access_code_failures_by_reference on access_code_failures (reference, failed_at);
create index access_code_failures_by_time on access_code_failures (failed_at);

-- A reference that had too many wrong codes answers only "try again later" until locked_until, even to the right code.
create table access_code_locks (
    reference    text        primary key,
    locked_until timestamptz not null
);

-- A reporter's short session after a correct code: the cookie holds a random token, this table its hash.
create table reporter_sessions (
    token_hash bytea       primary key,
    report_id  bigint      not null references reports (id),
    expires_at timestamptz not null,
    ends_at    timestamptz not null
);

create index reporter_sessions_expiry on reporter_sessions (expires_at);

comment on column reporter_sessions.token_hash is 'SHA-256 of the random token in the reporter''s cookie; the token itself is never stored.';
comment on column reporter_sessions.expires_at is 'When the session ends unless it is used again (15 minutes idle).';
comment on column reporter_sessions.ends_at is 'When the session ends however much it is used.';

-- Mail about messages: a content-free notice to the reporter that a responder wrote (its address is read from the
-- report when it is sent, as the acknowledgement's is), and a content-free notice to the case's owner or queues that
-- the reporter answered. The topic of both is the message's id.
alter table mail_deliveries drop constraint mail_deliveries_kind_check;
alter table mail_deliveries add constraint mail_deliveries_kind_check
    check (kind in ('Acknowledgement', 'Forward', 'Referral', 'Reminder', 'ReporterNotice', 'ReplyNotice'));
alter table mail_deliveries drop constraint acknowledgements_keep_no_address;
alter table mail_deliveries add constraint reporter_mail_keeps_no_address
    check (kind not in ('Acknowledgement', 'ReporterNotice') or recipient is null);
alter table mail_deliveries drop constraint responder_mail_has_a_recipient;
alter table mail_deliveries add constraint responder_mail_has_a_recipient
    check (kind in ('Acknowledgement', 'ReporterNotice') or recipient is not null);
