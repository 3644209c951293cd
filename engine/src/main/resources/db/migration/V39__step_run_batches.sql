-- The pages or windows a step that reads in batches has read so far (issue 21, live progress): the run page and the
-- runs list show "window 3 of 12" or "page 40" beside the records. Written with records progress, at most once a second.
alter table step_run add column batch_unit text;
alter table step_run add column batches_done bigint;
alter table step_run add column batches_total bigint;
