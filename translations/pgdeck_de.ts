<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to PostgreSQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a connection string, URI or service name — or fill in the fields below:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postgres://user@host:5432/db   ·   host=a,b port=5432,5433 dbname=…   ·   service=name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. orders-prod (letters, digits, . _ -)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host name, IP address or socket directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: the user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: your login name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: ~/.pgpass or PGPASSFILE, as libpq reads them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the password in the &amp;keychain (never in a file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read-only: sessions open with default_transaction_read_only=on, the server refuses writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;roduction: cancel/terminate, migrations and restores ask for an unlock each time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band &amp;colour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;luster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile is a primary plus its replicas. Each server&apos;s role is detected when pgdeck connects and re-checked while it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discover replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the primary (pg_stat_replication) which replicas stream from it and look for them from this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSL &amp;mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;oot certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sslrootcert (default ~/.postgresql/root.crt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client c&amp;ertificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sslcert (default ~/.postgresql/postgresql.crt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sslkey (default ~/.postgresql/postgresql.key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;ptions &amp;&amp; pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect &amp;timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Application name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pgdeck</source>
        <translation>pgdeck</translation>
    </message>
    <message>
        <source>&amp;Extra libpq options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keepalives_idle=30 target_session_attrs=any …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder in the server list (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection pool of the selected server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;ze (max):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &amp;hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept &amp;warm (min):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Idle timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wait for a session:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Statement timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>No server</source>
        <translation>Kein Server</translation>
    </message>
    <message>
        <source>One server, or every server of its profile side by side</source>
        <translation>Ein Server oder alle Server seines Profils nebeneinander</translation>
    </message>
    <message>
        <source>This server</source>
        <translation>Dieser Server</translation>
    </message>
    <message>
        <source>Whole cluster</source>
        <translation>Ganzer Cluster</translation>
    </message>
    <message>
        <source>Time window. The last hour has every sample; older history has 1-minute averages.</source>
        <translation>Zeitfenster. Die letzte Stunde enthält jede Messung, ältere Verläufe Minutenmittel.</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>Refresh interval: one sample per server per interval, in one round trip</source>
        <translation>Aktualisierung: eine Messung je Server und Intervall, in einem Roundtrip</translation>
    </message>
    <message>
        <source>every </source>
        <translation>alle </translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop sampling (the monitor sessions close)</source>
        <translation>Messung anhalten (die Monitor-Sitzungen werden geschlossen)</translation>
    </message>
    <message>
        <source>App endpoints…</source>
        <translation>App-Endpunkte…</translation>
    </message>
    <message>
        <source>Prometheus endpoints of applications using this server, charted beside the server&apos;s view</source>
        <translation>Prometheus-Endpunkte der Anwendungen dieses Servers, neben der Sicht des Servers dargestellt</translation>
    </message>
    <message>
        <source>Thresholds…</source>
        <translation>Schwellwerte…</translation>
    </message>
    <message>
        <source>Warning and critical levels of the key metrics, for this profile</source>
        <translation>Warn- und Kritisch-Schwellen der Kennzahlen für dieses Profil</translation>
    </message>
</context>
<context>
    <name>EndpointsDialog</name>
    <message>
        <source>Application endpoints</source>
        <translation>Anwendungs-Endpunkte</translation>
    </message>
    <message>
        <source>Prometheus endpoints of applications that use this server. pgdeck reads db_pool_size, db_pool_available, db_pool_waiting and db_connection_errors_total and charts them beside the sessions the server sees for that application_name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>application_name</source>
        <translation>application_name</translation>
    </message>
    <message>
        <source>Last scrape</source>
        <translation>Letzter Abruf</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>InsightAnalyzer</name>
    <message>
        <source>Index %1 (%2) to avoid reading the whole table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 read %2 rows and kept %3 (%4 removed by the filter %5)%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 of the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an index on the filtered columns (equality columns first); hypopg shows whether the planner would use it before you build it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row count under-estimated %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row count over-estimated %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the planner expected %2 rows, got %3 (per loop, %4 loops)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The columns %1 are probably correlated: extended statistics let the planner see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the table&apos;s statistics; if it stays wrong, raise the column&apos;s statistics target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the estimates of this node&apos;s inputs and refresh their statistics (ANALYZE); correlated columns need extended statistics (CREATE STATISTICS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort spilled %1 to disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: Sort Method %2, %3 written to temporary files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>external</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give this query about %1 of work_mem (for the session or the role, not globally), or sort fewer rows / narrower rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 batches (planned %3), %4 of memory per batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 batches, %3 in memory and %4 on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash table spilled to disk at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash tables may use work_mem x hash_mem_multiplier; about %1 in total keeps this one in one batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitmap turned lossy on %1 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 exact and %3 lossy heap blocks; every row of a lossy page is rechecked (%4 rows removed by the recheck)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bitmap did not fit in work_mem; about %1 keeps it exact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nested loop ran its inner side %1 times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ran %2 times, %3 of the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outer side returned %1 rows where the planner expected %2: with the right estimate it would pick a hash or merge join. Fix that estimate first (ANALYZE, extended statistics).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make each inner lookup cheap (an index on the join columns of the inner table), or let the planner choose a hash join (check enable_hashjoin, work_mem).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 parallel workers launched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 planned %2 workers and got %3: the rest of the work fell on the leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server ran out of worker slots: raise max_parallel_workers (and max_worker_processes, which needs a restart), or run fewer parallel queries at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index-only scan visited the heap %1 times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 heap fetches for %3 rows returned: pages not marked all-visible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VACUUM the table so the visibility map is up to date; if it changes often, tune autovacuum for it (autovacuum_vacuum_scale_factor).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JIT compilation took %1 of the execution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JIT: %1 of %2 execution time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For short queries JIT costs more than it saves: raise jit_above_cost (and jit_inline_above_cost, jit_optimize_above_cost), or turn jit off for this workload.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>pgdeck</source>
        <translation>pgdeck</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Query plans</source>
        <translation>Abfragepläne</translation>
    </message>
    <message>
        <source>Sessions &amp;&amp; locks</source>
        <translation>Sitzungen &amp;&amp; Sperren</translation>
    </message>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Servers</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;About pgdeck</source>
        <translation>Ü&amp;ber pgdeck</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Save in the &amp;keychain</source>
        <translation>Im &amp;Schlüsselbund speichern</translation>
    </message>
</context>
<context>
    <name>PlansPanel</name>
    <message>
        <source>Explain</source>
        <translation>Explain</translation>
    </message>
    <message>
        <source>EXPLAIN the query with the options ticked on the right (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain Analyze</source>
        <translation>Explain Analyze</translation>
    </message>
    <message>
        <source>Run the query with EXPLAIN ANALYZE (Ctrl+Shift+E); INSERT/UPDATE/DELETE/MERGE are rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the running EXPLAIN on the server (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the plan in the editor or on the clipboard: TEXT or JSON, from psql, pgAdmin, logs (Ctrl+Shift+V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Open a saved plan file (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>Keep this plan to compare the next one with it (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>What sizes and colours the graph and ranks the hotspots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BUFFERS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VERBOSE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SETTINGS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TIMING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COSTS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SUMMARY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GENERIC_PLAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MEMORY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SERIALIZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hypopg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try proposed indexes with hypopg (hypothetical, nothing is built)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a query: Ctrl+Enter explains it, Ctrl+Shift+E explains and runs it (changes are rolled back). Or paste a plan from psql, pgAdmin or a log and press Ctrl+Shift+V.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>−</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the plan in the window (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual size (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Rohtext</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Hotspots</source>
        <translation>Brennpunkte</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>PostgreSQL %1.%2 is outside the range pgdeck&apos;s monitor was tested on (12 to 17); some charts may stay empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg_stat_statements is not installed: add it to shared_preload_libraries in postgresql.conf, restart the server, then run CREATE EXTENSION pg_stat_statements; in database %1. Until then slow queries and p95 are not charted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg_stat_statements is installed but not loaded: add it to shared_preload_libraries in postgresql.conf and restart the server. Until then slow queries and p95 are not charted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg_stat_statements is loaded but not installed in database %1: run CREATE EXTENSION pg_stat_statements; there (or connect to a database that has it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAL size and filesystem usage need the pg_monitor role: GRANT pg_monitor TO %1;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other users&apos; sessions show no state without pg_read_all_stats: GRANT pg_monitor TO %1; they are counted as &quot;other&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no plan to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query plan drawn by pgdeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never executed</source>
        <translation>nie ausgeführt</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>est %1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live charts of connections, pools, throughput, replication lag and slow queries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXPLAIN a query or paste a plan to see it as a tree and a graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions, blocking trees and locks, with cancel and terminate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An SQL editor that routes reads to replicas and streams large results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview, dry-run, apply and roll back migrations step by step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg_dump, pg_restore and base backups with verification and point-in-time recovery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <source>est 1 row</source>
        <translation>geschätzt 1 Zeile</translation>
    </message>
</context>
<context>
    <name>ThresholdsDialog</name>
    <message>
        <source>Dashboard thresholds</source>
        <translation>Dashboard-Schwellwerte</translation>
    </message>
    <message>
        <source>A value below the warning level is ok, up to the critical level a warning, above it critical. Critical states are also written to the log.</source>
        <translation>Unter der Warnschwelle ist ein Wert in Ordnung, bis zur kritischen Schwelle eine Warnung, darüber kritisch. Kritische Zustände werden auch protokolliert.</translation>
    </message>
    <message>
        <source>Warning at</source>
        <translation>Warnung ab</translation>
    </message>
    <message>
        <source>Critical above</source>
        <translation>Kritisch über</translation>
    </message>
    <message>
        <source>A slow query takes more than</source>
        <translation>Eine langsame Abfrage dauert länger als</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock once</source>
        <translation>Einmal entsperren</translation>
    </message>
</context>
<context>
    <name>pgdeck::explain::ExplainRunner</name>
    <message>
        <source>an EXPLAIN is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for a connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no open connection to run EXPLAIN on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to explain: the statement is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXPLAIN takes one statement; this text holds %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the statement does not parse: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXPLAIN works on SELECT, INSERT, UPDATE, DELETE, MERGE, VALUES, EXECUTE, DECLARE and CREATE TABLE AS, not on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting a transaction that will be rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running EXPLAIN ANALYZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running EXPLAIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXPLAIN returned no plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trying the proposed index with hypopg</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::explain::IndexProver</name>
    <message>
        <source>hypopg is not installed in this database (CREATE EXTENSION hypopg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hypopg could not create the index</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::models::MetricBreakdownModel</name>
    <message>
        <source>As the application sees its own pool (its Prometheus endpoint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle in tx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::models::PlanCompareModel</name>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ buffers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::models::PlanHotspotModel</name>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Exclusive time</source>
        <translation>Eigene Zeit</translation>
    </message>
    <message>
        <source>Exclusive cost</source>
        <translation>Eigene Kosten</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Buffers</source>
        <translation>Puffer</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
</context>
<context>
    <name>pgdeck::models::PlanInsightModel</name>
    <message>
        <source>hypopg: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hypopg: the planner uses the index — cost %1 → %2 (%3x cheaper)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hypopg: the planner would not use this index (cost %1 → %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::models::PlanPropertiesModel</name>
    <message>
        <source>Exclusive time</source>
        <translation>Eigene Zeit</translation>
    </message>
    <message>
        <source>Inclusive time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclusive cost</source>
        <translation>Eigene Kosten</translation>
    </message>
    <message>
        <source>Rows × loops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned rows × loops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Schätzung</translation>
    </message>
    <message>
        <source>exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed by filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclusive shared hit / read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclusive temp read / written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclusive I/O time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line in the pasted plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::models::PlanTreeModel</name>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Exclusive</source>
        <translation>Eigen</translation>
    </message>
    <message>
        <source>Inclusive</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Schätzung</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>Schleifen</translation>
    </message>
    <message>
        <source>Buffers</source>
        <translation>Puffer</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Time spent in this node alone (all loops, corrected for parallel workers), and its share of the execution</source>
        <translation>Zeit in diesem Knoten allein (alle Schleifen, um parallele Worker bereinigt) und ihr Anteil an der Ausführung</translation>
    </message>
    <message>
        <source>Time of this node with everything below it</source>
        <translation>Zeit dieses Knotens samt allem darunter</translation>
    </message>
    <message>
        <source>Rows produced, all loops (estimated rows in parentheses)</source>
        <translation>Erzeugte Zeilen, alle Schleifen (geschätzte Zeilen in Klammern)</translation>
    </message>
    <message>
        <source>How far the planner&apos;s row estimate was off</source>
        <translation>Wie weit die Zeilenschätzung des Planers danebenlag</translation>
    </message>
    <message>
        <source>Shared buffers hit + read by this node alone</source>
        <translation>Shared Buffers (Treffer + gelesen) dieses Knotens allein</translation>
    </message>
    <message>
        <source>Planner cost of this node alone</source>
        <translation>Planerkosten dieses Knotens allein</translation>
    </message>
    <message>
        <source>planned %1 rows per loop, got %2</source>
        <translation>geplant %1 Zeilen je Schleife, erhalten %2</translation>
    </message>
    <message>
        <source>never executed</source>
        <translation>nie ausgeführt</translation>
    </message>
</context>
<context>
    <name>pgdeck::models::ServerTreeModel</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
</context>
<context>
    <name>pgdeck::monitor</name>
    <message>
        <source>Pool usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query p95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow queries</source>
        <translation>Langsame Abfragen</translation>
    </message>
    <message>
        <source>Active connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s pool (its endpoint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connections / max_connections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::monitor::BouncerSampler</name>
    <message>
        <source>this server is not PgBouncer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::monitor::PostgresSampler</name>
    <message>
        <source>Port %1 leads to a server listening on %2: a pooler or proxy is in between.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::monitor::PrometheusScraper</name>
    <message>
        <source>not scraped yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an http(s) URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer from %1 in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not serve Prometheus metrics (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 serves no db_pool_size, db_pool_available, db_pool_waiting or db_connection_errors_total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message numerus="yes">
        <source>ok, %n line(s) skipped: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdeck::pg::ReplicaDiscovery</name>
    <message>
        <source>Found at %1:%2 (streams from this primary%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, same system identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The primary does not show this replica&apos;s address to this user (pg_stat_replication needs pg_read_all_stats or pg_monitor), and no replica of this cluster answered beside the primary: enter the address you reach it at.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Unix socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replica connects from %1, but no replica of this cluster answered at %2 on port(s) %3 from this machine. It may listen elsewhere or not be reachable from here: enter the address you reach it at.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::secrets::ProfileConnector</name>
    <message>
        <source>profile %1 has no server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::ui::ChartPanel</name>
    <message>
        <source>Export, zoom</source>
        <translation>Export, Zoom</translation>
    </message>
    <message>
        <source>Export chart as PNG…</source>
        <translation>Diagramm als PNG exportieren…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Export data as CSV…</source>
        <translation>Daten als CSV exportieren…</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Drag across a chart to zoom into a time range; double-click or right-click resets.</source>
        <translation>Über ein Diagramm ziehen, um einen Zeitraum zu vergrößern; Doppel- oder Rechtsklick setzt zurück.</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>pgdeck::ui::ConnectDialog</name>
    <message>
        <source>&amp;Save &amp;&amp; connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain answered (%1). The password is kept in memory for this session only; ~/.pgpass works as usual.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain is not in use here; the password is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without it, pgdeck asks once per session (or libpq reads ~/.pgpass).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(local socket)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;luster (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;luster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service &lt;b&gt;%1&lt;/b&gt; read from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password was taken into the password field (it is never written to the profile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parsed by libpq: a cluster of %1 servers (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parsed by libpq: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, database %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection pool of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint: (%1 cores × 2 + 1 spindle) × 1.5 = &lt;b&gt;%2&lt;/b&gt; sessions — this server runs on this machine, so its core count is known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint: %1 sessions. This server&apos;s core count is not known from here: count its cores (nproc) and disks (spindles; an SSD counts as 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never TLS: passwords and data cross the network in clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS when the server offers it, without checking who the server is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS or no connection; the server&apos;s certificate is not checked (unless a root certificate file exists).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS, and the server&apos;s certificate must be signed by the root certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS, a certificate signed by the root certificate, and the host name must match it: the safe choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;oot certificate (needed):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;oot certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no TLS (the connection is not encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#2e7d32&apos;&gt;&lt;b&gt;Connected&lt;/b&gt;&lt;/span&gt; — PostgreSQL %1 · &lt;b&gt;%2&lt;/b&gt; · round trip %3 ms · connect %4 ms · %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1 for its replicas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ %1 at %2:%3 (%4, %5)%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — already in this profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The primary lists no replica in pg_stat_replication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the profile a name: letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::ui::DashboardPanels</name>
    <message>
        <source>From pg_stat_statements deltas (read every few seconds, top-level statements, the monitor&apos;s own left out). Each statement&apos;s new calls are modelled as a normal distribution with that interval&apos;s mean time and the statement&apos;s overall standard deviation (a single call is exact); a call slower than %1 ms is a slow query (at least one when the statement&apos;s max rose past it, none when its max is below). p95 is the 95th percentile of the call-weighted mixture. Both cover the last 60 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Application pools</source>
        <translation>Anwendungs-Pools</translation>
    </message>
    <message>
        <source>Sessions by application</source>
        <translation>Sitzungen nach Anwendung</translation>
    </message>
    <message>
        <source>pgdeck&apos;s pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PgBouncer pools</source>
        <translation>PgBouncer-Pools</translation>
    </message>
    <message>
        <source>PgBouncer throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transaktionen</translation>
    </message>
    <message>
        <source>Tuples</source>
        <translation>Tupel</translation>
    </message>
    <message>
        <source>Replication lag (time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication lag (WAL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow queries</source>
        <translation>Langsame Abfragen</translation>
    </message>
    <message>
        <source>Query time p95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Client sessions by state (pg_stat_activity, pgdeck&apos;s monitor session left out). &quot;Waiting on lock&quot; are active sessions blocked by a lock. The dashed line is max_connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting on lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle in transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 max (%3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>solid: total, dashed: active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solid: sessions the server sees per application_name (or user, or database). Dashed: the application&apos;s own pool from its Prometheus endpoint (connections in use, clients waiting): clients waiting for a connection are invisible from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in use (app)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waiting (app)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pool %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 connection errors/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 endpoint down</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n database(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n application(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No client sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latest sample&apos;s sessions per group, with the application&apos;s own pool where its endpoint is scraped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pgdeck&apos;s own connection pool to each server (what its panels borrow): open, idle, leased, and requests waiting for a session. The monitor uses a separate dedicated session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 leased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHOW POOLS summed over PgBouncer&apos;s pools: clients active and waiting for a server connection, server connections active and idle. The summary shows the longest wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clients active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clients waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>servers active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>servers idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longest wait %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHOW STATS deltas: transactions and queries per second through PgBouncer, and the average time a query waited for a server connection (right axis).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transactions/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queries/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>avg wait (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commits and rollbacks per second over all databases (pg_stat_database deltas).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rollbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 commits/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 commits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rollbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows per second over all databases: in = inserted + updated + deleted, out = returned by scans, fetched = fetched by index scans (pg_stat_database deltas).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per replica, from both sides. Seen by the primary: pg_stat_replication replay_lag, and when replay falls behind, the time since the oldest WAL it has not replayed was written. Seen by the replica: the time since the oldest WAL it received but has not replayed appeared. An idle cluster has nothing to replay and shows 0 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per replica, from both sides: WAL the primary wrote that the replica has not replayed (pg_current_wal_lsn - replay_lsn), and WAL the replica received but has not replayed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (seen by primary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (own view)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worst %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slower than %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in the last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for two pg_stat_statements readings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database sizes (pg_database_size) and WAL (pg_ls_waldir), read every minute; the summary shows the filesystem of the data directory when the server runs on this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filesystem %1 used of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filesystem: not on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filesystem usage is shown for servers on this machine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::ui::DashboardWidget</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>by application</source>
        <translation>nach Anwendung</translation>
    </message>
    <message>
        <source>by user</source>
        <translation>nach Benutzer</translation>
    </message>
    <message>
        <source>by database</source>
        <translation>nach Datenbank</translation>
    </message>
    <message>
        <source>Waiting for samples…</source>
        <translation>Warte auf Messwerte…</translation>
    </message>
    <message>
        <source>No server — connect with File › Connect…</source>
        <translation>Kein Server – verbinden mit Datei › Verbinden…</translation>
    </message>
    <message>
        <source>%1 — reconnecting</source>
        <translation>%1 – verbinde neu</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>sample every %1 s, last %2</source>
        <translation>Messung alle %1 s, zuletzt %2</translation>
    </message>
    <message>
        <source>%1: %2 (%3)
ok below %4%6, warning up to %5%6, critical above %5%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured as %1</source>
        <translation>gemessen als %1</translation>
    </message>
    <message>
        <source>worst server: %1</source>
        <translation>schlechtester Server: %1</translation>
    </message>
    <message>
        <source>Filesystem usage is known for servers on this machine only.</source>
        <translation>Die Dateisystembelegung ist nur für Server auf diesem Rechner bekannt.</translation>
    </message>
    <message>
        <source>Click to edit the thresholds of this profile.</source>
        <translation>Klicken, um die Schwellwerte dieses Profils zu bearbeiten.</translation>
    </message>
    <message>
        <source>down — %1</source>
        <translation>nicht erreichbar – %1</translation>
    </message>
    <message>
        <source>Endpoint of %1: %2</source>
        <translation>Endpunkt von %1: %2</translation>
    </message>
</context>
<context>
    <name>pgdeck::ui::EndpointsDialog</name>
    <message>
        <source>Application endpoints of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::ui::MainWindow</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>About pgdeck</source>
        <translation>Über pgdeck</translation>
    </message>
    <message>
        <source>&lt;b&gt;pgdeck %1&lt;/b&gt;&lt;br&gt;A native workbench for PostgreSQL DBAs.</source>
        <translation>&lt;b&gt;pgdeck %1&lt;/b&gt;&lt;br&gt;Eine native Werkbank für PostgreSQL-DBAs.</translation>
    </message>
    <message>
        <source>%1 changed role: %2 → %3</source>
        <translation>%1 hat die Rolle gewechselt: %2 → %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;Role change at %1:&lt;/b&gt; %2 was a &lt;b&gt;%3&lt;/b&gt; and is now a &lt;b&gt;%4&lt;/b&gt;.</source>
        <translation>&lt;b&gt;Rollenwechsel um %1:&lt;/b&gt; %2 war &lt;b&gt;%3&lt;/b&gt; und ist jetzt &lt;b&gt;%4&lt;/b&gt;.</translation>
    </message>
    <message>
        <source> A failover or promotion happened: check which server takes the writes.</source>
        <translation> Ein Failover oder eine Promotion fand statt: prüfen Sie, welcher Server die Schreibzugriffe annimmt.</translation>
    </message>
    <message>
        <source>PRODUCTION</source>
        <translation>PRODUKTION</translation>
    </message>
    <message>
        <source>READ-ONLY</source>
        <translation>NUR LESEN</translation>
    </message>
    <message>
        <source>   ·   the server refuses writes (default_transaction_read_only)</source>
        <translation>   ·   der Server verweigert Schreibzugriffe (default_transaction_read_only)</translation>
    </message>
    <message>
        <source>   ·   risky actions ask for an unlock</source>
        <translation>   ·   riskante Aktionen verlangen eine Entsperrung</translation>
    </message>
    <message>
        <source>No server — File › Connect… (Ctrl+N)</source>
        <translation>Kein Server – Datei › Verbinden… (Ctrl+N)</translation>
    </message>
    <message numerus="yes">
        <source>%n server(s): </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 up, %2 down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · pool %3 open, %4 idle, %5 waiting, %6 errors</source>
        <translation>%1 · %2 · Pool %3 offen, %4 frei, %5 wartend, %6 Fehler</translation>
    </message>
    <message>
        <source>Edit Profile “%1”…</source>
        <translation>Profil „%1“ bearbeiten…</translation>
    </message>
    <message>
        <source>Remove Profile “%1”…</source>
        <translation>Profil „%1“ entfernen…</translation>
    </message>
</context>
<context>
    <name>pgdeck::ui::PasswordDialog</name>
    <message>
        <source>Password for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your login name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 refused the password for %2. Enter it again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 wants a password for %2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Otherwise it is kept in memory until pgdeck quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain answered: the password is kept in memory until pgdeck quits, never written to disk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::ui::PlanCompareView</name>
    <message>
        <source>Pin a plan (Ctrl+P), change something (an index, a setting, the query), run again: both plans appear here side by side with the change of every node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin a plan (Ctrl+P), change something, run again to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1x faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1x slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) → &lt;b&gt;%3&lt;/b&gt; (%4): &lt;b&gt;%5&lt;/b&gt; · %6 nodes matched, %7 only before, %8 only after</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::ui::PlanGraphView</name>
    <message>
        <source>Click a node for all its properties. Ctrl+wheel or +/- to zoom, 0 to fit, drag to pan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::ui::PlanMinimap</name>
    <message>
        <source>Overview: click or drag to move around the plan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::ui::PlansPanel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Buffers</source>
        <translation>Puffer</translation>
    </message>
    <message>
        <source>Graph as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: the server stopped the query.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (at character %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan yet. Connect to a server and EXPLAIN a query, or paste a plan from anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXPLAIN %1 (PostgreSQL %2 and later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXPLAIN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a server first (File › Connect…), or paste a plan and press Ctrl+Shift+V.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a query first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXPLAIN ANALYZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXPLAIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>execution %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planning %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n insight(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ran inside a transaction that was rolled back: nothing was changed. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to read: paste a plan into the editor or copy one to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pasted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a plan pgdeck can read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 plan read</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) skipped: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plans (*.json *.txt *.plan *.log);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned &quot;%1&quot;. Change something and run again: the Compare tab shows both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no plan to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Export the plan graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the graph to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::ui::ProfileController</name>
    <message>
        <source>No keychain backend answered (%1): passwords are asked once per session and kept in memory only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is kept for this session only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a saved profile (opened with --connect): File › Connect… saves one.</source>
        <translation>%1 ist kein gespeichertes Profil (mit --connect geöffnet): Datei › Verbinden… speichert eines.</translation>
    </message>
    <message>
        <source>Finish editing %1 first.</source>
        <translation>Bitte zuerst die Bearbeitung von %1 abschließen.</translation>
    </message>
    <message>
        <source>Edit Profile %1</source>
        <translation>Profil %1 bearbeiten</translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Close Servers</source>
        <translation>Server trennen</translation>
    </message>
    <message>
        <source>Remove the profile %1? Its servers are disconnected and its saved settings and keychain passwords are deleted. The databases are not touched.</source>
        <translation>Profil %1 entfernen? Seine Server werden getrennt, seine gespeicherten Einstellungen und Schlüsselbund-Passwörter gelöscht. Die Datenbanken bleiben unberührt.</translation>
    </message>
    <message>
        <source>Disconnect the servers of %1? It is not a saved profile.</source>
        <translation>Die Server von %1 trennen? Es ist kein gespeichertes Profil.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>The profile %1 was not removed: %2</source>
        <translation>Das Profil %1 wurde nicht entfernt: %2</translation>
    </message>
</context>
<context>
    <name>pgdeck::ui::ThresholdsDialog</name>
    <message>
        <source>Thresholds of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pgdeck::ui::UnlockDialog</name>
    <message>
        <source>PRODUCTION</source>
        <translation>PRODUKTION</translation>
    </message>
    <message>
        <source>READ-ONLY</source>
        <translation>NUR LESEN</translation>
    </message>
    <message>
        <source>&amp;Unlock once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the profile name &lt;b&gt;%1&lt;/b&gt; to unlock this one action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock once: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
