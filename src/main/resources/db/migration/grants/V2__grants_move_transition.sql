-- A move never strands a citizen: the old municipality's grants stay in force from the moving
-- day (transition_from) until the new municipality (transition_to) decides or the transition
-- runs out (ends_on); transition_paid_by is who pays for what is ordered under them meanwhile.
ALTER TABLE grants.citizen_grant ADD COLUMN transition_from DATE;
ALTER TABLE grants.citizen_grant ADD COLUMN transition_to TEXT CHECK (transition_to ~ '^[0-9]{3}$');
ALTER TABLE grants.citizen_grant ADD COLUMN transition_paid_by TEXT CHECK (transition_paid_by ~ '^[0-9]{3}$');
ALTER TABLE grants.citizen_grant ADD CHECK ((transition_from IS NULL) = (transition_to IS NULL)
    AND (transition_from IS NULL) = (transition_paid_by IS NULL));
CREATE INDEX citizen_grant_transition_idx ON grants.citizen_grant (citizen_id, transition_to)
    WHERE transition_from IS NOT NULL;

-- The rule for moves, as data (one row): how many days the old grants keep a moved citizen
-- supplied at most, and which municipality pays meanwhile. The default follows the usual
-- Danish rule that the municipality the citizen left pays until the new one has decided.
CREATE TABLE grants.move_transition_rule
(
    id      BOOLEAN PRIMARY KEY DEFAULT true CHECK (id),
    days    INT  NOT NULL CHECK (days BETWEEN 0 AND 365),
    paid_by TEXT NOT NULL CHECK (paid_by IN ('OLD_MUNICIPALITY', 'NEW_MUNICIPALITY'))
);
INSERT INTO grants.move_transition_rule (days, paid_by) VALUES (30, 'OLD_MUNICIPALITY');
