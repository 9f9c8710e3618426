-- What a reporter typed and who they are is sealed with a data key per report (AES-256-GCM); the data key is stored
-- only wrapped by a key-encryption key that is not in the database (Encryption:Keys). The next migration seals what is
-- already stored; the one after drops the clear columns.
alter table reports add column key_id text;
alter table reports add column data_key bytea;
alter table reports add column content bytea;
alter table case_notes add column sealed_body bytea;
alter table case_messages add column content bytea;
alter table referrals add column sealed_reason bytea;

create index reports_by_key_id on reports (key_id) where data_key is not null;
