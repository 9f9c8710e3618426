-- ALTCHA solutions already used, kept until their challenge expires so that no instance accepts one twice.
create table captcha_solutions (
    challenge     bytea       primary key,
    form_key_hash bytea       not null,
    expires_at    timestamptz not null
);

create index captcha_solutions_expiry on captcha_solutions (expires_at);

comment on column captcha_solutions.form_key_hash is 'The form the solution was sent with: that same form may be sent again (a double click), no other.';
