-- Statistics find the reports of a range of weeks or quarters by received_at. Reports arrive in time order, so a BRIN
-- index is a few pages that a report's insert rarely touches, where a B-tree would add a write to every submission.
create index reports_received_at_brin on reports using brin (received_at);
