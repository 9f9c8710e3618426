-- Owed mail is taken in order of priority: a number sorts it without spelling out every priority in each query.
-- The numbers are the ranks of ReportingPortal.Core.Reports.Priority.
alter table mail_deliveries add column priority_rank smallint;
update mail_deliveries set priority_rank = case priority when 'Urgent' then 0 when 'High' then 1 else 2 end;
alter table mail_deliveries alter column priority_rank set not null;
alter table mail_deliveries add constraint priority_rank_matches_priority
    check ((priority, priority_rank) in (('Urgent', 0), ('High', 1), ('Normal', 2)));

-- The due mail in the order it is handed out, so taking the first batch reads no more than the batch.
create index mail_deliveries_due_in_order on mail_deliveries (priority_rank, id) where status = 'Pending';

comment on column mail_deliveries.priority_rank is 'The priority as a number: 0 urgent, 1 high, 2 normal; mail is sent lowest first.';
