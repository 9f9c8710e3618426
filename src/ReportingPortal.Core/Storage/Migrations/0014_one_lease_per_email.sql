-- One lease per email, taken when the dispatcher hands it out: the job that was handed it carries the same token and
-- works only on rows that still hold it. The separate hand-out time and its second timeout are gone.
alter table mail_deliveries add column claim_token uuid;
alter table mail_deliveries drop column enqueued_at;

-- The reporter is waiting at the screen: their mail goes ahead of the forwards of the same priority.
alter table mail_deliveries add column audience_rank smallint not null
    generated always as (case when kind in ('Acknowledgement', 'ReporterNotice') then 0 else 1 end) stored;

-- The due mail in the order it is handed out, so taking the first batch reads no more than the batch.
drop index mail_deliveries_due_in_order;
create index mail_deliveries_due_in_order on mail_deliveries (priority_rank, audience_rank, id) where status = 'Pending';

-- Mail handed out and not yet done: counted at every hand-out, so that few are in flight and new mail goes first.
create index mail_deliveries_handed_out on mail_deliveries (claimed_until) where status = 'Pending';

comment on column mail_deliveries.claim_token is 'The hand-out that holds the email until claimed_until; a job works only on rows carrying its token.';
comment on column mail_deliveries.audience_rank is '0 for mail to the reporter, 1 for mail to responders; mail is sent lowest first within a priority.';
