-- How the acknowledgement may look in the reporter's inbox, which others (the person reported) may read.
alter table reports add column email_wording text;
alter table reports add constraint email_wording_is_known
    check (email_wording is null or email_wording in ('Neutral', 'Plain', 'NotSafe'));
alter table reports add constraint anonymous_reports_have_no_email_wording
    check (contact_preference <> 'Anonymous' or email_wording is null);

comment on column reports.email_wording is 'Neutral: sender and subject do not say what the email is about, no help numbers; Plain: says what it is, with help numbers; NotSafe: no email is sent. Null: anonymous, or stored before this column existed (treated as Neutral).';
