-- ASP.NET Core Data Protection keys, shared by every instance so each accepts the others' antiforgery tokens,
-- receipt cookies, operator cookies and form timestamps.
create table data_protection_keys (
    id            bigint generated always as identity primary key,
    friendly_name text        not null,
    xml           text        not null,
    created_at    timestamptz not null default now()
);

comment on table data_protection_keys is 'Secret: whoever holds these keys can forge antiforgery tokens and operator cookies. Back up and restrict like the rest of the database.';
