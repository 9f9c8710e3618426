create table reports (
    id                 bigint generated always as identity primary key,
    reference          text        not null unique,
    access_code_hash   bytea       not null,
    form_key_hash      bytea       not null unique,
    language           text        not null,
    reporter_role      text        not null,
    category           text        not null,
    urls               text[]      not null default '{}',
    platform           text,
    usernames          text,
    country            text,
    region             text,
    occurred           text        not null,
    child_age_range    text        not null,
    child_in_danger    text        not null,
    description        text        not null,
    contact_preference text        not null,
    contact_name       text,
    contact_email      text,
    received_at        timestamptz not null default now(),
    constraint anonymous_reports_keep_no_contact
        check (contact_preference <> 'Anonymous' or (contact_name is null and contact_email is null)),
    constraint email_contact_has_an_address
        check (contact_preference <> 'Email' or contact_email is not null)
);

comment on column reports.access_code_hash is 'HMAC-SHA-256 of the access code; the code itself is never stored.';
comment on column reports.form_key_hash is 'SHA-256 of the per-form idempotency key, so a double submit stores one report.';
