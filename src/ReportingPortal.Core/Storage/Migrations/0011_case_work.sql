-- The queue a referral came from, named in the referral email ("referred by the police cyber unit").
alter table referrals add column from_queue text;

-- The inbox sorts and counts an account's cases from this table alone, without joining 100,000 reports: each case
-- carries its priority's rank (written with the case, as mail_deliveries.priority_rank is) and a copy of its queues,
-- kept from case_queues by a trigger.
alter table cases add column priority_rank smallint;
update cases c set priority_rank = case r.priority when 'Urgent' then 0 when 'High' then 1 else 2 end
from reports r where r.id = c.report_id;
alter table cases alter column priority_rank set not null;

alter table cases add column queues text[] not null default '{}';
update cases c set queues = held.queues
from (select report_id, array_agg(queue order by added_at, queue) as queues from case_queues group by report_id) held
where held.report_id = c.report_id;

create function case_queues_copy_to_cases() returns trigger language plpgsql as $$
begin
    update cases set queues = array_append(queues, new.queue)
    where report_id = new.report_id and not (new.queue = any (queues));
    return null;
end
$$;

create trigger case_queues_copied after insert on case_queues
    for each row execute function case_queues_copy_to_cases();

create index cases_by_queues on cases using gin (queues);

-- The deadline that matters now: the first action until someone acted, then the reporter's feedback.
alter table cases add column due timestamptz
    generated always as (case when first_action_at is null then first_action_due else feedback_due end) stored;

-- The inbox's first page without sorting every case: overdue open cases (found by due), then the other open cases,
-- then the closed ones, each read in the order of priority and first-action deadline.
create index cases_open_by_next_due on cases (due) where status <> 'Closed';
create index cases_open_in_inbox_order on cases (priority_rank, first_action_due, report_id) where status <> 'Closed';
create index cases_closed_in_inbox_order on cases (priority_rank, first_action_due, report_id) where status = 'Closed';

comment on column cases.priority_rank is 'The report''s priority as a number: 0 urgent, 1 high, 2 normal (ReportingPortal.Core.Reports.Priority).';
comment on column cases.queues is 'A copy of the case''s case_queues, kept by the trigger case_queues_copied, so the inbox reads one table.';
