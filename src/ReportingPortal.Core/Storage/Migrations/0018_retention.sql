-- Retention: what a report says is deleted a while after its case is closed; an anonymous skeleton stays for statistics
-- (category, priority, country, age range, reporter role, dates, statuses, outcome, queues).
alter table reports add column content_deleted_at timestamptz;
alter table reports add constraint deleted_content_is_gone
    check (content_deleted_at is null or (content is null and data_key is null));

comment on column reports.content_deleted_at is 'When the retention job deleted the content, its data key, notes and messages. Null while kept.';

create index cases_closed_by_time on cases (closed_at) where status = 'Closed';
create index mail_deliveries_sent_by_time on mail_deliveries (sent_at) where status = 'Sent';
