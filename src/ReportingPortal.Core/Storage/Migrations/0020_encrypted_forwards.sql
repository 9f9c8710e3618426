-- Mail to a queue with an OpenPGP key or S/MIME certificate fails for good, with the reason, while the key is unusable.
comment on column mail_deliveries.last_error is 'SMTP status code or failure class only, never server text (it can quote an address); or why the email could not be encrypted to its queue''s key (expired on, not valid before), never sent in plain text instead.';
