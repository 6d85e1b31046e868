CREATE SCHEMA IF NOT EXISTS reference;

CREATE TABLE reference.region
(
    code TEXT PRIMARY KEY CHECK (code ~ '^[0-9]{4}$'),
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE reference.cluster
(
    name        TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 100),
    region_code TEXT NOT NULL REFERENCES reference.region (code)
);

CREATE TABLE reference.municipality
(
    code         TEXT PRIMARY KEY CHECK (code ~ '^[0-9]{3}$'),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    region_code  TEXT NOT NULL REFERENCES reference.region (code),
    cluster_name TEXT REFERENCES reference.cluster (name),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX municipality_name_uq ON reference.municipality (lower(name));

-- A year of official population figures (Statistics Denmark FOLK1A or a code,population file).
CREATE TABLE reference.population_year
(
    year        INT PRIMARY KEY CHECK (year BETWEEN 1769 AND 2200),
    source      TEXT NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by TEXT NOT NULL
);

CREATE TABLE reference.population
(
    year              INT  NOT NULL REFERENCES reference.population_year (year) ON DELETE CASCADE,
    municipality_code TEXT NOT NULL REFERENCES reference.municipality (code),
    population        INT  NOT NULL CHECK (population >= 0),
    PRIMARY KEY (year, municipality_code)
);

INSERT INTO reference.region (code, name)
VALUES ('1081', 'Region Nordjylland'),
       ('1082', 'Region Midtjylland'),
       ('1083', 'Region Syddanmark'),
       ('1084', 'Region Hovedstaden'),
       ('1085', 'Region Sjælland');
