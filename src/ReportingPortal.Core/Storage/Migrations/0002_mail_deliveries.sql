alter table reports add column priority text not null default 'Normal';

-- The mail owed for each report, written in the report's own transaction (an outbox) and drained by jobs.
-- Holds no report content: an acknowledgement's address is read from its report when it is sent.
create table mail_deliveries (
    id              bigint generated always as identity primary key,
    report_id       bigint      not null references reports (id),
    kind            text        not null check (kind in ('Acknowledgement', 'Forward')),
    queue           text,
    recipient       text,
    priority        text        not null,
    status          text        not null default 'Pending' check (status in ('Pending', 'Sent', 'Failed')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    enqueued_at     timestamptz,
    claimed_until   timestamptz,
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    failed_at       timestamptz,
    constraint forwards_have_a_recipient check (kind <> 'Forward' or (queue is not null and recipient is not null)),
    constraint acknowledgements_keep_no_address check (kind <> 'Acknowledgement' or recipient is null)
);

create unique index mail_deliveries_once on mail_deliveries (report_id, kind, coalesce(recipient, ''));
create index mail_deliveries_due on mail_deliveries (next_attempt_at) where status = 'Pending';
create index mail_deliveries_failed on mail_deliveries (failed_at) where status = 'Failed';

comment on column mail_deliveries.last_error is 'SMTP status code or failure class only, never server text (it can quote an address).';
