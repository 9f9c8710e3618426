-- Reports that name the same link are linked through keyed fingerprints of their normalised links (HMAC-SHA256 with a
-- key outside the database), never the links themselves. The code script after this one fingerprints the reports
-- already stored within the linking window.
alter table reports add column link_fingerprints bytea[];
create index reports_by_link_fingerprint on reports using gin (link_fingerprints);
alter table reports add constraint deleted_content_has_no_link_fingerprints
    check (content_deleted_at is null or link_fingerprints is null);

comment on column reports.link_fingerprints is 'HMAC-SHA256 of each normalised link of the report, one per fingerprint key; cleared with the content.';
