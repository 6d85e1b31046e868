-- The monthly statistics report of a municipality for a month, kept in the platform as sent.
CREATE TABLE statistics.monthly_report
(
    id           UUID PRIMARY KEY,
    municipality TEXT        NOT NULL,
    month        DATE        NOT NULL CHECK (extract(day FROM month) = 1),
    pdf          BYTEA       NOT NULL,
    xlsx         BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (municipality, month)
);

-- Who receives a municipality's monthly report by e-mail.
CREATE TABLE statistics.report_recipient
(
    municipality TEXT NOT NULL,
    email        TEXT NOT NULL CHECK (length(email) <= 254),
    PRIMARY KEY (municipality, email)
);
