-- Monthly pre-aggregates, so that a dashboard adds up a few hundred rows per municipality
-- instead of scanning every order, contact and work order of a year on each view.

-- What a delivered order brought a citizen, per product: the consumption that grants are
-- compared with, and its product area and price (øre a unit) on the day, from the assortment.
CREATE TABLE statistics.delivered_line
(
    order_id     UUID NOT NULL,
    product_id   UUID NOT NULL,
    citizen_id   UUID NOT NULL,
    municipality TEXT NOT NULL,
    delivered_on DATE NOT NULL,
    quantity     INT  NOT NULL,
    area_code    TEXT,
    price_ore    BIGINT,
    PRIMARY KEY (order_id, product_id)
);
CREATE INDEX delivered_line_citizen ON statistics.delivered_line (citizen_id, product_id, delivered_on);

-- What each projected fact adds to the figures: a metric and a value, on the (Danish) day it
-- counts for. The listeners add a new fact's lines to statistics.monthly_figure in the
-- transaction that writes the fact, the rebuild sums all of them, and the dashboard sums them
-- itself for the days of a period that do not make a whole month: one definition for all three.
CREATE VIEW statistics.fact_figure AS
SELECT 'order-placed' AS kind, o.order_id AS fact_id, o.municipality, o.order_date AS day,
       'ordersPlaced' AS metric, 1::bigint AS value
FROM statistics.order_fact o
UNION ALL
SELECT 'order-delivered', o.order_id, o.municipality, (o.delivered_at AT TIME ZONE 'Europe/Copenhagen')::date,
       v.metric, v.value
FROM statistics.order_fact o
         CROSS JOIN LATERAL (VALUES ('deliveredOrders', 1::bigint),
                                    ('itemsDelivered', o.items::bigint),
                                    ('leadMinutesSum', (extract(epoch FROM o.delivered_at
                                        - o.order_date::timestamp AT TIME ZONE 'Europe/Copenhagen') / 60)::bigint)) v(metric, value)
WHERE o.delivered_at IS NOT NULL
UNION ALL
SELECT 'delivered-line', l.order_id, l.municipality, l.delivered_on, v.metric, v.value
FROM statistics.delivered_line l
         CROSS JOIN LATERAL (VALUES ('itemsDelivered:' || l.area_code, l.quantity::bigint),
                                    ('costOre:' || l.area_code, l.quantity * l.price_ore),
                                    ('costOre', l.quantity * l.price_ore)) v(metric, value)
WHERE l.area_code IS NOT NULL AND l.price_ore IS NOT NULL
UNION ALL
SELECT 'contact', c.contact_id, c.payer_code, c.contact_date, v.metric, v.value
FROM statistics.contact_fact c
         CROSS JOIN LATERAL (VALUES ('contacts', 1::bigint), ('contactMinutes', c.minutes::bigint),
                                    ('contacts:' || c.topic, 1::bigint),
                                    ('contactMinutes:' || c.topic, c.minutes::bigint)) v(metric, value)
WHERE c.payer_kind = 'MUNICIPALITY'
UNION ALL
SELECT 'work-order', w.work_order_id, w.municipality, w.completed_on, v.metric, v.value
FROM statistics.work_order_fact w
         CROSS JOIN LATERAL (VALUES ('workOrders', 1::bigint), ('technicianMinutes', w.minutes::bigint),
                                    ('missedTargets', CASE WHEN w.missed_target THEN 1 ELSE 0 END::bigint)) v(metric, value);

-- The sums of fact_figure per municipality, month (its first day) and metric.
CREATE TABLE statistics.monthly_figure
(
    municipality TEXT   NOT NULL,
    month        DATE   NOT NULL CHECK (extract(day FROM month) = 1),
    metric       TEXT   NOT NULL,
    value        BIGINT NOT NULL,
    PRIMARY KEY (month, municipality, metric)
);

-- The months of a year in which a citizen ordered (bit 0 is January), so that the citizens who
-- ordered in any set of months are counted once from one row per citizen and year.
CREATE TABLE statistics.citizen_order_year
(
    municipality TEXT     NOT NULL,
    citizen_id   UUID     NOT NULL,
    year         SMALLINT NOT NULL,
    months       INT      NOT NULL,
    PRIMARY KEY (year, municipality, citizen_id)
);

-- Recomputes both from the projected facts; the migration, the rebuild job and the benchmark use it.
-- The lock holds a listener's addition until the rebuild has committed; a fact the rebuild did
-- not see is then added by its listener, so nothing is counted twice or lost.
CREATE FUNCTION statistics.rebuild_monthly_figures() RETURNS void
    LANGUAGE sql AS
$$
LOCK TABLE statistics.monthly_figure, statistics.citizen_order_year IN EXCLUSIVE MODE;
DELETE FROM statistics.monthly_figure;
DELETE FROM statistics.citizen_order_year;
INSERT INTO statistics.monthly_figure (municipality, month, metric, value)
SELECT municipality, date_trunc('month', day)::date, metric, sum(value)
FROM statistics.fact_figure
GROUP BY 1, 2, 3;
INSERT INTO statistics.citizen_order_year (municipality, citizen_id, year, months)
SELECT municipality, citizen_id, extract(year FROM order_date), bit_or(1 << (extract(month FROM order_date)::int - 1))
FROM statistics.order_fact
GROUP BY 1, 2, 3;
$$;

SELECT statistics.rebuild_monthly_figures();

-- For the days of a period that do not make a whole month.
CREATE INDEX order_fact_date ON statistics.order_fact (order_date);
CREATE INDEX order_fact_delivered_day ON statistics.order_fact (((delivered_at AT TIME ZONE 'Europe/Copenhagen')::date));
CREATE INDEX contact_fact_date ON statistics.contact_fact (contact_date);
CREATE INDEX work_order_fact_date ON statistics.work_order_fact (completed_on);
CREATE INDEX delivered_line_day ON statistics.delivered_line (delivered_on);
