-- Every report, note, message and referral reason is sealed now (0016): the clear columns go.
alter table reports drop constraint anonymous_reports_keep_no_contact;
alter table reports drop constraint email_contact_has_an_address;
alter table reports drop column urls, drop column platform, drop column usernames, drop column region,
    drop column description, drop column contact_name, drop column contact_email;
alter table reports add constraint content_is_sealed_with_a_key
    check ((content is null) or (data_key is not null and key_id is not null));

comment on column reports.key_id is 'The id of the key-encryption key (Encryption:Keys) that wrapped data_key.';
comment on column reports.data_key is 'The report''s AES-256 data key, wrapped (AES-256-GCM) by key_id. Null once the content is deleted.';
comment on column reports.content is 'Links, platform, usernames, region, description and contact details, sealed with the data key. Null once deleted.';

alter table case_notes drop column body;
alter table case_notes rename column sealed_body to body;
alter table case_notes alter column body set not null;
comment on column case_notes.body is 'The note, sealed with the report''s data key.';

alter table case_messages drop constraint messages_say_something;
alter table case_messages drop column body, drop column urls;
alter table case_messages alter column content set not null;
comment on column case_messages.content is 'The message and its links, sealed with the report''s data key.';

alter table referrals drop column reason;
alter table referrals rename column sealed_reason to reason;
comment on column referrals.reason is 'Why the case was referred, sealed with the report''s data key. Null once the content is deleted.';
