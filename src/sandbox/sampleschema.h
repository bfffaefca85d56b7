#pragma once

#include <QString>

namespace pgdeck::sandbox {

// The sample shop schema, with realistic flaws for pgdeck to find: a foreign key
// without an index (orders.customer_id), a filtered column with no index
// (events.kind), a duplicate index, an unused index, and a slow report query.
QString sampleSchemaSql(int scale);
// pgbench scripts for the light background load (weights in Sandbox::startLoad).
QString loadScriptSql(int scale);
QString slowScriptSql();
QString replicaReadScriptSql(int scale);

} // namespace pgdeck::sandbox
