-- Screening: a report whose signals are weak waits in the screening queue, its forwards held, until a person releases
-- it or marks it spam. Only the reasons are kept, never the client key that made a burst visible.
alter table reports add column screening_reasons text[] not null default '{}';

comment on column reports.screening_reasons is 'Why the report was screened (CaptchaNotSolved, HoneypotFilled, TooFast, ManyFromOneClient); never a client key or address.';

alter table cases add column screening text check (screening in ('Waiting', 'Released', 'Spam'));
alter table cases add column held_queues text[] not null default '{}';
alter table cases add column screening_decided_at timestamptz;

comment on column cases.screening is 'Null for a report that was not screened; Waiting until a screener released it or marked it spam.';
comment on column cases.held_queues is 'The queues the routing rules chose for a screened report, given the case when it is released.';

create index cases_waiting_for_screening on cases (report_id) where screening = 'Waiting';

-- A screened case's place in the screening queue; its routed queues join at release.
alter table case_queues drop constraint case_queues_how_check;
alter table case_queues add constraint case_queues_how_check check (how in ('Routed', 'Referred', 'Screening'));

-- Held: a forward of a report waiting for screening, sent (Pending again) only when it is released.
alter table mail_deliveries drop constraint mail_deliveries_status_check;
alter table mail_deliveries add constraint mail_deliveries_status_check check (status in ('Pending', 'Sent', 'Failed', 'Held'));

alter table mail_deliveries drop constraint mail_deliveries_kind_check;
alter table mail_deliveries add constraint mail_deliveries_kind_check
    check (kind in ('Acknowledgement', 'Forward', 'Referral', 'Reminder', 'ReporterNotice', 'ReplyNotice', 'ScreeningDigest'));

-- The screening queue's digests: one email per address at most every Screening:DigestInterval, listing the reports
-- that arrived since the last one. Its mail row hangs on the first report it lists.
create table screening_digests (
    id         bigint generated always as identity primary key,
    created_at timestamptz not null default now(),
    reports    integer     not null
);

alter table cases add column screening_digest_id bigint references screening_digests (id);

comment on column cases.screening_digest_id is 'The digest that told the screening queue about this case; null until one did.';
