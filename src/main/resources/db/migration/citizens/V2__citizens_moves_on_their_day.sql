-- A move to another municipality dated after today waits here until its day: until then the
-- citizen lives where they live (and is seen by that municipality), and on the day the first
-- read of any citizen applies it, publishing CitizenMoved. One planned move per citizen.
CREATE TABLE citizens.planned_move
(
    citizen_id        UUID PRIMARY KEY REFERENCES citizens.citizen (id),
    street            TEXT NOT NULL,
    postal_code       TEXT NOT NULL,
    city              TEXT NOT NULL,
    municipality_code TEXT NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
    moved_on          DATE NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by       TEXT NOT NULL
);
CREATE INDEX planned_move_day_idx ON citizens.planned_move (moved_on);
