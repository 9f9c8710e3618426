-- Anti-abuse signals shown to responders beside each report. None identifies the reporter or their device.
alter table reports add column captcha_verified boolean;
alter table reports add column honeypot_filled boolean;
alter table reports add column seconds_to_fill integer;

comment on column reports.captcha_verified is 'true: the captcha was solved; false: not answered or not checkable (no JavaScript, provider down); null: no captcha configured or sent before this column existed.';
comment on column reports.honeypot_filled is 'The hidden field only automated senders fill in had a value.';
comment on column reports.seconds_to_fill is 'Seconds between opening the form and sending it, from a timestamp the server signed; null when missing or forged.';
