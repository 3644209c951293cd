-- Which Millflow instance ran each step attempt (millflow.zeebe.worker-name): with several instances on one cluster,
-- the run history says where a step ran, and where to look for its log.
alter table step_run add column worker text;
