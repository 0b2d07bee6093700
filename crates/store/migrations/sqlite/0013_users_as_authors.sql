-- A newsroom user is their own contributor: the byline, photo, bios and author page of the
-- user with this id. At most one contributor per user; contributors who are not users (an
-- agency, a freelancer) have none. No foreign key: export and import copy contributors before
-- users, and deleting a user clears the link (`Store::delete_user`).
ALTER TABLE contributors ADD COLUMN user_id INTEGER;
CREATE UNIQUE INDEX contributors_by_user ON contributors (user_id) WHERE user_id IS NOT NULL;
