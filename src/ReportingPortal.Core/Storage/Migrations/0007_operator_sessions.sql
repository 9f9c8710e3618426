-- Operators' sign-in sessions. The operator's cookie carries only a random key; the session lives here, so signing
-- out ends it on every instance whatever copies of the cookie exist. No client address or user agent is kept.
create table operator_sessions (
    key_hash   bytea       primary key,
    ticket     bytea       not null,
    created_at timestamptz not null default now(),
    renewed_at timestamptz not null default now(),
    expires_at timestamptz not null
);

create index operator_sessions_expiry on operator_sessions (expires_at);

comment on column operator_sessions.key_hash is 'SHA-256 of the key in the operator''s cookie; the key itself is not kept, so reading this table does not let anyone take over a session.';
comment on column operator_sessions.ticket is 'Who signed in, serialised and protected with ASP.NET Core Data Protection.';
