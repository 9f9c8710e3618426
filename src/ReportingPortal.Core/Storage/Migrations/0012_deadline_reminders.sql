-- The reminder job looks for open cases whose feedback is due soon, as it does for the first action.
create index cases_open_by_feedback_due on cases (feedback_due) where status <> 'Closed';

-- Deadlines that had already passed when cases began were kept by email before the console existed: record their
-- overdue reminders as sent, so the first run of the reminder job does not mail every queue about every old report.
insert into case_reminders (report_id, deadline, stage, sent_at)
select report_id, 'FirstAction', 'Overdue', now() from cases
where status <> 'Closed' and first_action_at is null and first_action_due <= now()
union all
select report_id, 'Feedback', 'Overdue', now() from cases
where status <> 'Closed' and feedback_due <= now()
on conflict do nothing;
