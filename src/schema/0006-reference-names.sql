-- 0006-reference-names.sql — a search finds the records a reference points at by reading an
-- index, not the referenced table.
-- SPDX-License-Identifier: GPL-3.0-or-later
-- A list searched for "RM1017" first finds the lots whose code holds it, then the rows that
-- refer to them (ff-record-repository-query.c). A lot row is wide; scanning 20,000 of them costs
-- tens of milliseconds before anything is cached. These covering indexes hold what that first
-- step reads (the code, and the id it returns) for the referenced kinds that grow with the work
-- (tests/domain/test-kinds.c asks for one wherever a growing list searches by such a reference).
CREATE INDEX lots_names ON lots (code, id);
CREATE INDEX batches_names ON batches (code, id);
CREATE INDEX audits_names ON audits (code, id);
CREATE INDEX deviations_names ON deviations (code, id);
CREATE INDEX audit_responses_names ON audit_responses (code, id);
