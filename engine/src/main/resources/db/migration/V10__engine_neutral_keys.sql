-- Keys of runs and step attempts as the engine gives them: Zeebe's are numbers, Operaton's are UUID strings.
alter table flow_run alter column process_instance_key type text using process_instance_key::text;
alter table step_run alter column element_instance_key type text using element_instance_key::text;
alter table step_run alter column job_key type text using job_key::text;

-- No ghosts: runs left running or at an incident on an in-memory engine (the default before Operaton) can never go
-- on, since that engine forgot them when Millflow stopped. They end as failed, with the reason.
update flow_run set status = 'failed', ended_at = coalesce(ended_at, now()),
  error = 'Interrupted: this run was on the in-memory engine of an earlier Millflow version, which forgot it at a restart. Start the flow again.'
where engine_id like 'embedded:%' and status in ('running', 'incident');
