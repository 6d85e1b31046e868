-- Devices: the needs-assessment rules and assessments, serialized devices with their history,
-- leases, pauses, work orders with their timed targets, and technicians.

create schema if not exists devices;

-- Every saved version of the needs-assessment rules; the highest version is in force.
create table devices.rule_set (
    version     integer primary key,
    rules       text        not null,
    saved_at    timestamptz not null,
    saved_by    text        not null
);

-- A caseworker's assessment of a citizen: the answers, what the rules recommended and why,
-- the rule version and what the caseworker chose (a deviation needs a reason). grant_id is
-- set when the caseworker's dispenser grant arrives.
create table devices.assessment (
    id               uuid primary key,
    citizen_id       uuid        not null,
    municipality     text        not null,
    answers          text        not null,
    recommended      text        not null,
    reasons          text        not null,
    rule_version     integer     not null references devices.rule_set (version),
    chosen           text        not null,
    deviation_reason text,
    training         boolean     not null,
    grant_id         uuid,
    assessed_at      timestamptz not null,
    assessed_by      text        not null
);
create index assessment_citizen on devices.assessment (citizen_id, assessed_at);

create table devices.device (
    serial         text primary key,
    model_id       uuid        not null,
    area_code      text        not null,
    supplier       text        not null,
    purchased_on   date        not null,
    state          text        not null,
    citizen_id     uuid,
    work_order_id  uuid,
    changed_at     timestamptz not null,
    cleaned_at     timestamptz
);
create index device_model_state on devices.device (model_id, state);

-- Every state a device has been in: when, who, which citizen and work order.
create table devices.device_history (
    id             bigserial primary key,
    serial         text        not null references devices.device (serial),
    at             timestamptz not null,
    by_user        text        not null,
    from_state     text,
    to_state       text        not null,
    citizen_id     uuid,
    work_order_id  uuid,
    note           text
);
create index device_history_serial on devices.device_history (serial, id);

-- A device leased to a municipality from installation to the day its takedown was ordered.
create table devices.lease (
    id            uuid primary key,
    serial        text        not null references devices.device (serial),
    model_id      uuid        not null,
    citizen_id    uuid        not null,
    municipality  text        not null,
    grant_id      uuid,
    services      text        not null,
    starts_on     date        not null,
    ends_on       date
);
create unique index lease_open_per_device on devices.lease (serial) where ends_on is null;

create table devices.pause (
    id          uuid primary key,
    citizen_id  uuid        not null,
    from_day    date        not null,
    to_day      date        not null,
    reason      text        not null,
    cancelled   boolean     not null default false,
    recorded_at timestamptz not null
);

-- Timed targets per work-order type: within so many working days or working hours of the
-- work's creation (Danish public holidays and weekends are not working days).
create table devices.target (
    work_order_type text primary key,
    working_days    integer,
    working_hours   integer,
    warn_hours      integer not null,
    check (working_days is not null or working_hours is not null)
);
insert into devices.target (work_order_type, working_days, working_hours, warn_hours) values
    ('PREPARE', 3, null, 24), ('SETUP', 5, null, 24), ('TRAINING', 10, null, 24),
    ('TAKEDOWN', 5, null, 24), ('CLEANING', 5, null, 24), ('REFILL', 2, null, 8),
    ('REPAIR', null, 8, 2), ('ON_SITE_SUPPORT', 2, null, 8), ('SERVICE', 10, null, 24);

create table devices.technician (
    id          uuid primary key,
    name        text    not null,
    username    text    unique,
    home_postal text    not null,
    day_start   time    not null,
    day_end     time    not null,
    skills      text    not null,
    check (day_start < day_end)
);

create table devices.technician_absence (
    technician_id uuid not null references devices.technician (id),
    from_day      date not null,
    to_day        date not null,
    reason        text not null,
    primary key (technician_id, from_day)
);

-- Work on a device. chain_key makes the work a grant or a request causes unique, so events
-- that arrive twice create nothing twice.
create table devices.work_order (
    id              uuid primary key,
    chain_key       text        not null unique,
    type            text        not null,
    status          text        not null,
    citizen_id      uuid,
    citizen_name    text,
    municipality    text        not null,
    grant_id        uuid,
    model_id        uuid,
    area_code       text,
    level           text,
    services        text        not null default '',
    device_serial   text,
    street          text,
    postal_code     text,
    city            text,
    window_from     timestamptz,
    window_to       timestamptz,
    skills          text        not null default '',
    priority        integer     not null,
    duration_min    integer     not null,
    technician_id   uuid references devices.technician (id),
    planned_start   timestamptz,
    planned_end     timestamptz,
    pinned          boolean     not null default false,
    actual_start    timestamptz,
    actual_end      timestamptz,
    minutes         integer check (minutes >= 0),
    outcome         text,
    notes           text,
    waiting         text,
    depends_on      uuid,
    due_at          timestamptz not null,
    created_at      timestamptz not null,
    reason          text
);
create index work_order_open on devices.work_order (status, due_at);
