-- The queue a referral came from, named in the referral email ("referred by the police cyber unit").
alter table referrals add column from_queue text;
