-- Per citizen, product area and paying municipality, the days on which she has a grant in force
-- with a line in the area (the area, one of its groups or one of its products), merged over her
-- grants so that she counts once a day: what Grants.citizensWithGrantPerArea counts, without a
-- join or a distinct over every grant. Kept in the transaction of every write of her grants;
-- rebuilt whole on the first start after this migration and by the job grants-rebuild-area-spans.
-- until_day is the first day no longer covered (open when null).
CREATE TABLE grants.area_span
(
    citizen_id UUID NOT NULL,
    area_code  TEXT NOT NULL,
    paid_by    TEXT NOT NULL CHECK (paid_by ~ '^[0-9]{3}$'),
    from_day   DATE NOT NULL,
    until_day  DATE CHECK (until_day > from_day),
    PRIMARY KEY (citizen_id, area_code, paid_by, from_day)
);

-- Whether area_span has been built from the grants (one row).
CREATE TABLE grants.area_span_state
(
    id    BOOLEAN PRIMARY KEY DEFAULT true CHECK (id),
    built BOOLEAN NOT NULL
);
INSERT INTO grants.area_span_state (built) VALUES (false);
