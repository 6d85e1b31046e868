-- Projection of devices' AssessmentMade events (never devices' tables): one row an assessment, so
-- an event heard twice counts once. Like lease_fact, counted from the facts for each period
-- (recommended against chosen), not through the monthly pre-aggregates.
CREATE TABLE statistics.assessment_fact
(
    assessment_id UUID PRIMARY KEY,
    municipality  TEXT    NOT NULL,
    recommended   TEXT    NOT NULL,
    chosen        TEXT    NOT NULL,
    rule_version  INTEGER NOT NULL,
    made_on       DATE    NOT NULL
);
CREATE INDEX assessment_fact_made_on ON statistics.assessment_fact (made_on);
