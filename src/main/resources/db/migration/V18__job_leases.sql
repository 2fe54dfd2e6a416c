-- Jobs are claimed with leases, so that several replicas can run them: the replica running a job
-- renews its lease; a job whose lease ran out (its replica died) is taken over by another replica
-- from its checkpoint. A cancel asked of any replica is a flag the running one sees on its next renewal.
ALTER TABLE job ADD COLUMN lease_owner VARCHAR(200);
ALTER TABLE job ADD COLUMN lease_until TIMESTAMPTZ;
ALTER TABLE job ADD COLUMN cancel_requested BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX job_claimable_idx ON job (created_at) WHERE state IN ('QUEUED', 'RUNNING');
