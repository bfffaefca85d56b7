#include "sampleschema.h"

namespace pgdeck::sandbox {

QString sampleSchemaSql(int scale)
{
    const int s = qMax(1, scale);
    return QStringLiteral(R"SQL(
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
CREATE EXTENSION IF NOT EXISTS hypopg;

BEGIN;
CREATE TABLE customers (
    id          bigserial PRIMARY KEY,
    email       text NOT NULL UNIQUE,
    name        text NOT NULL,
    country     text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
-- Flaw: duplicates the unique constraint's index.
CREATE INDEX customers_email_idx ON customers (email);

CREATE TABLE products (
    id          serial PRIMARY KEY,
    sku         text NOT NULL UNIQUE,
    name        text NOT NULL,
    category    text NOT NULL,
    price_cents integer NOT NULL CHECK (price_cents >= 0)
);
-- Flaw: never used by any query.
CREATE INDEX products_name_idx ON products (name);

-- Flaw: customer_id references customers but has no index.
CREATE TABLE orders (
    id          bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    status      text NOT NULL,
    total_cents bigint NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE order_items (
    order_id    bigint NOT NULL REFERENCES orders (id),
    product_id  integer NOT NULL REFERENCES products (id),
    quantity    integer NOT NULL,
    price_cents integer NOT NULL,
    PRIMARY KEY (order_id, product_id)
);

-- Flaw: queries filter on kind and created_at; neither is indexed.
CREATE TABLE events (
    id          bigserial PRIMARY KEY,
    customer_id bigint,
    kind        text NOT NULL,
    payload     jsonb NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO customers (email, name, country, created_at)
SELECT 'customer' || g || '@example.com', 'Customer ' || g,
       (ARRAY['DE','FR','US','GB','JP','BR','IN','NL'])[1 + g % 8],
       now() - (g % 1000) * interval '1 day'
FROM generate_series(1, 20000 * %1) g;

INSERT INTO products (sku, name, category, price_cents)
SELECT 'SKU-' || g, 'Product ' || g, (ARRAY['books','games','garden','tools','toys'])[1 + g % 5], 100 + (g * 37) % 10000
FROM generate_series(1, 2000) g;

INSERT INTO orders (customer_id, status, total_cents, created_at)
SELECT 1 + (g * 7919) % (20000 * %1),
       (ARRAY['new','paid','paid','paid','shipped','shipped','shipped','refunded'])[1 + g % 8],
       500 + (g * 131) % 50000,
       now() - (g % 720) * interval '1 hour'
FROM generate_series(1, 100000 * %1) g;

INSERT INTO order_items (order_id, product_id, quantity, price_cents)
SELECT o, 1 + (o * 13 + k * 101) % 2000, 1 + (o + k) % 4, 100 + (o * k) % 5000
FROM generate_series(1, 100000 * %1) o, generate_series(1, 2) k;

INSERT INTO events (customer_id, kind, payload, created_at)
SELECT 1 + g % (20000 * %1), (ARRAY['view','view','view','click','click','cart','purchase','refund'])[1 + g % 8],
       jsonb_build_object('n', g), now() - (g % 10000) * interval '1 minute'
FROM generate_series(1, 100000 * %1) g;

CREATE VIEW revenue_by_country AS
SELECT c.country, sum(o.total_cents) AS revenue_cents, count(*) AS orders
FROM orders o JOIN customers c ON c.id = o.customer_id
WHERE o.status IN ('paid', 'shipped')
GROUP BY c.country;
COMMIT;

ANALYZE;
SELECT pg_stat_statements_reset();
)SQL").arg(s);
}

QString loadScriptSql(int scale)
{
    return QStringLiteral(R"SQL(\set cid random(1, %1)
\set oid random(1, %2)
BEGIN;
SELECT id, email, name FROM customers WHERE id = :cid;
SELECT count(*) FROM orders WHERE customer_id = :cid;
INSERT INTO events (customer_id, kind, payload) VALUES (:cid, 'view', '{"page": "home"}');
UPDATE orders SET status = 'paid' WHERE id = :oid AND status = 'new';
END;
SELECT count(*) FROM events WHERE kind = 'refund' AND created_at > now() - interval '1 hour';
)SQL").arg(20000 * qMax(1, scale)).arg(100000 * qMax(1, scale));
}

QString slowScriptSql()
{
    return QStringLiteral(R"SQL(SELECT c.country, p.category, sum(i.quantity * i.price_cents) AS revenue
FROM order_items i
JOIN orders o ON o.id = i.order_id
JOIN customers c ON c.id = o.customer_id
JOIN products p ON p.id = i.product_id
WHERE o.status <> 'refunded'
GROUP BY c.country, p.category
ORDER BY revenue DESC;
)SQL");
}

QString replicaReadScriptSql(int scale)
{
    return QStringLiteral(R"SQL(\set cid random(1, %1)
SELECT o.id, o.status, o.total_cents FROM orders o WHERE o.customer_id = :cid ORDER BY o.created_at DESC LIMIT 10;
SELECT * FROM revenue_by_country;
)SQL").arg(20000 * qMax(1, scale));
}

} // namespace pgdeck::sandbox
