-- Fills the benchmark database with :reports reports as a working portal would hold them after four months, each
-- with its case, its routed queues (as the shipped routing rules pick them), its sent forwards and its audit lines:
-- 5% urgent, 20% high; recent cases mostly new, older ones mostly closed; owned cases spread over 40 responders.
-- Run by deploy/local/bench.sh: psql -v reports=100000 -f seed-cases.sql
\set ON_ERROR_STOP on
begin;

insert into accounts (email, display_name)
select 'bench-responder-' || n || '@responders.example', 'Responder ' || n from generate_series(1, 40) n
on conflict do nothing;
insert into account_queues (account_id, queue, role)
select a.id, q.queue, case when n % 10 = 0 then 'Supervisor' else 'Responder' end
from generate_series(1, 40) n
join accounts a on a.email = 'bench-responder-' || n || '@responders.example'
cross join lateral (values ((array['child-welfare', 'police-cyber', 'hotline', 'psychosocial', 'on-call'])[n % 5 + 1])) q (queue)
on conflict do nothing;

create temporary table seed on commit drop as
with drawn as (
    select i, now() - interval '120 days' * power(random(), 1.5) as received_at,
           random() as p, random() as s, random() as late,
           (array['AbuseMaterialOnline', 'AbuseMaterialOnline', 'AbuseMaterialOnline', 'Grooming', 'Grooming', 'Sextortion',
                  'Sextortion', 'SharingSexualImages', 'AbuseInPerson', 'Other'])[1 + floor(random() * 10)::int] as category
    from generate_series(1, :reports) i
),
prioritised as (
    select *, case when p < 0.05 then 'Urgent' when p < 0.25 then 'High' else 'Normal' end as priority,
           now() - received_at < interval '2 days' as recent
    from drawn
)
select i, received_at, category, priority,
       case priority when 'Urgent' then 0 when 'High' then 1 else 2 end as priority_rank,
       case priority when 'Urgent' then interval '1 hour' when 'High' then interval '24 hours' else interval '7 days' end as first_action_in,
       case when s < (case when recent then 0.7 else 0.1 end) then 'New'
            when s < (case when recent then 1.0 else 0.3 end) then 'InProgress'
            when s < 0.35 then 'Referred' else 'Closed' end as status,
       late,
       -- A reference in the portal's alphabet, from the row number, so none collides.
       'RP-' || string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((i >> (5 * k)) & 31)::int + 1, 1), '' order by k desc)
             filter (where k >= 4)
             || '-' || string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((i >> (5 * k)) & 31)::int + 1, 1), '' order by k desc)
             filter (where k < 4) as reference
from prioritised cross join generate_series(0, 7) k
group by i, received_at, category, priority, s, recent, late;

-- Seeded without content: what a report says is sealed by the portal with its own keys (the console shows these as deleted).
insert into reports (reference, access_code_hash, form_key_hash, language, reporter_role, category,
                     country, occurred, child_age_range, child_in_danger, contact_preference, priority,
                     captcha_verified, honeypot_filled, seconds_to_fill, received_at)
select reference, decode(md5('code' || i), 'hex'), decode(md5('form' || i), 'hex'), 'en',
       (array['ParentOrCaregiver', 'OtherAdult', 'ChildAboutThemselves', 'Professional', 'ChildAboutSomeoneElse'])[1 + i % 5],
       category, (array['GB', 'FR', 'ES', 'US', 'DE'])[1 + i % 5], 'ThisWeek', 'From13To15',
       case when priority = 'Urgent' then 'Yes' else 'No' end, 'Anonymous', priority, true, false, 40 + i % 300, received_at
from seed;

create temporary table seeded on commit drop as
select r.id as report_id, s.* from seed s join reports r on r.reference = s.reference;

insert into cases (report_id, status, owner_account_id, outcome, first_action_due, feedback_due, first_action_at, closed_at,
                   updated_at, priority_rank)
select report_id, status,
       case when status <> 'New' then (select id from accounts where email = 'bench-responder-' || (1 + report_id % 40) || '@responders.example') end,
       case when status = 'Closed' then (array['PassedToPolice', 'ContentRemoved', 'SupportGiven', 'NoActionPossible', 'Spam'])[1 + report_id % 5] end,
       received_at + first_action_in, received_at + interval '91 days',
       case when status <> 'New' then received_at + first_action_in * late * 1.2 end,
       case when status = 'Closed' then received_at + interval '30 days' * late end,
       received_at, priority_rank
from seeded;

insert into case_queues (report_id, queue, how, added_at)
select report_id, queue, 'Routed', received_at
from seeded cross join lateral unnest(array_remove(array[
    case when priority = 'Urgent' then 'on-call' end,
    case when category in ('Grooming', 'Sextortion', 'SharingSexualImages', 'AbuseMaterialOnline') then 'police-cyber' end,
    case when category in ('AbuseMaterialOnline', 'SharingSexualImages') then 'hotline' end,
    case when category in ('AbuseInPerson', 'Grooming', 'Other') then 'child-welfare' end,
    case when priority = 'High' and category in ('Sextortion', 'AbuseInPerson') then 'psychosocial' end], null)) queue;

insert into mail_deliveries (report_id, kind, queue, recipient, priority, priority_rank, status, attempts, created_at, sent_at)
select q.report_id, 'Forward', q.queue, q.queue || '@responders.example', s.priority, s.priority_rank, 'Sent', 1, s.received_at,
       s.received_at + interval '2 seconds'
from case_queues q join seeded s using (report_id);

insert into audit_log (at, actor_account_id, action, report_id, detail)
select c.first_action_at, c.owner_account_id, 'CaseTaken', c.report_id, null from cases c join seeded using (report_id) where c.owner_account_id is not null
union all
select c.closed_at, c.owner_account_id, 'CaseClosed', c.report_id, c.outcome from cases c join seeded using (report_id) where c.status = 'Closed';

commit;
-- Settled, as a working portal's tables are by autovacuum: fresh statistics and visibility maps, so the first
-- requests measured do not race the autovacuum of 100,000 new rows.
vacuum analyze;
