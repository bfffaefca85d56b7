#include "replicadiscovery.h"

#include "core/logging.h"
#include "profileparams.h"
#include "session.h"

#include <QFile>
#include <QPointer>
#include <QSet>

#include <memory>

namespace pgdeck::pg {

namespace {
auto log() { return core::logger("discovery"); }

constexpr int kMaxLocalPorts = 64;

// Catalog SQL, PostgreSQL 10+.
const char *kReplicationSql =
    "SELECT pg_is_in_recovery();"
    "SELECT application_name, host(client_addr), client_hostname, client_port, state, sync_state "
    "FROM pg_stat_replication ORDER BY application_name, client_port";
const char *kSystemIdSql = "SELECT system_identifier::text FROM pg_control_system()";
const char *kProbeSql = "SELECT pg_is_in_recovery(), current_setting('cluster_name')";
} // namespace

ReplicaDiscovery::ReplicaDiscovery(ConnParams primary, QObject *parent) : QObject(parent), m_primary(std::move(primary)) {}

QList<int> ReplicaDiscovery::localListeningPorts()
{
    QList<int> ports;
    QSet<int> seen;
    for (const char *file : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile f(QString::fromLatin1(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = f.readAll().split('\n');
        for (int i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> cols = lines[i].simplified().split(' ');
            // sl local_address rem_address st …; st 0A = LISTEN
            if (cols.size() < 4 || cols[3] != "0A")
                continue;
            const int colon = cols[1].lastIndexOf(':');
            bool ok = false;
            const int port = cols[1].mid(colon + 1).toInt(&ok, 16);
            if (ok && port > 0 && !seen.contains(port)) {
                seen.insert(port);
                ports << port;
            }
        }
    }
    std::sort(ports.begin(), ports.end());
    return ports;
}

void ReplicaDiscovery::start(Done done)
{
    m_done = std::move(done);
    auto *s = new Session(this);
    QPointer<ReplicaDiscovery> self(this);
    connect(s, &Session::connectFailed, this, [this, s](const core::Error &e) {
        s->deleteLater();
        if (m_done)
            std::exchange(m_done, nullptr)(e);
    });
    connect(s, &Session::connected, this, [this, s]() {
        s->exec(QString::fromLatin1(kReplicationSql), [this, s](core::Result<QueryResult> r) {
            if (!r.ok()) {
                s->deleteLater();
                if (m_done)
                    std::exchange(m_done, nullptr)(r.error());
                return;
            }
            const bool inRecovery = r->first().toBool(0, 0);
            QList<DiscoveredReplica> rows;
            const ResultSet &rs = r->last();
            for (int i = 0; i < rs.rowCount(); ++i) {
                DiscoveredReplica d;
                d.applicationName = rs.text(i, 0);
                d.clientAddr = rs.text(i, 1);
                d.clientHostname = rs.text(i, 2);
                d.state = rs.text(i, 4);
                d.syncState = rs.text(i, 5);
                rows << d;
            }
            // The system identifier proves a candidate belongs to this cluster; it
            // needs superuser or pg_monitor-like rights, so a refusal is fine.
            s->exec(QString::fromLatin1(kSystemIdSql), [this, s, rows, inRecovery](core::Result<QueryResult> id) {
                s->deleteLater();
                if (id.ok() && id->last().rowCount() == 1)
                    m_systemId = id->last().text(0, 0);
                onPrimaryRows(rows, inRecovery);
            });
        });
    });
    s->connectToServer(m_primary, qMax(m_probeTimeoutMs, 5000));
}

void ReplicaDiscovery::onPrimaryRows(const QList<DiscoveredReplica> &rows, bool primaryInRecovery)
{
    m_rows = rows;
    m_primaryInRecovery = primaryInRecovery;
    const QString primaryHost = m_primary.hosts().value(0);
    const int primaryPort = m_primary.ports().value(0, QStringLiteral("5432")).toInt();
    const bool primaryIsLocal = isLocalHost(primaryHost) && (!m_primary.has("hostaddr") || isLoopbackAddress(m_primary.value("hostaddr")));

    QList<int> configured = m_extraPorts;
    configured << primaryPort << 5432;
    QList<int> local;

    QHash<QString, int> probeIndex; // "host:port" -> index
    auto addProbe = [&](const QString &host, int port) {
        const QString key = host + QLatin1Char(':') + QString::number(port);
        if (probeIndex.contains(key))
            return probeIndex.value(key);
        Probe p;
        p.host = host;
        p.port = port;
        m_probes << p;
        probeIndex.insert(key, int(m_probes.size() - 1));
        return int(m_probes.size() - 1);
    };

    for (DiscoveredReplica &d : m_rows) {
        QList<int> candidates;
        // Without pg_read_all_stats the view hides address and state: look beside
        // the primary anyway (the system identifier still proves a match).
        d.addressHidden = d.state.isEmpty() && d.clientAddr.isEmpty();
        // A Unix-socket or loopback client runs on the primary's machine: it is
        // reached the way the primary is.
        const bool besidePrimary = d.clientAddr.isEmpty() || isLoopbackAddress(d.clientAddr);
        d.host = besidePrimary ? primaryHost : (d.clientHostname.isEmpty() ? d.clientAddr : d.clientHostname);
        if (d.host.isEmpty())
            d.host = QStringLiteral("localhost");
        QList<int> ports = configured;
        if (besidePrimary && primaryIsLocal) {
            if (local.isEmpty())
                local = localListeningPorts().mid(0, kMaxLocalPorts);
            ports << local;
        }
        for (int port : ports)
            candidates << addProbe(d.host, port);
        m_candidatesOf << candidates;
    }

    if (m_probes.isEmpty()) {
        match();
        return;
    }
    m_pending = int(m_probes.size());
    for (int i = 0; i < m_probes.size(); ++i)
        probe(i);
}

void ReplicaDiscovery::probe(int index)
{
    const Probe &p = m_probes[index];
    ConnParams params = m_primary;
    params.set("host", p.host);
    params.remove("hostaddr");
    params.set("port", QString::number(p.port));
    params.remove("target_session_attrs");
    params.set("application_name", QStringLiteral("pgdeck-discovery"));
    // Ports found by listing this machine's sockets may belong to anything: never
    // offer them the password (libpq's ~/.pgpass still applies per host:port).
    if (!m_extraPorts.contains(p.port) && p.port != m_primary.ports().value(0, QStringLiteral("5432")).toInt())
        params.remove("password");
    auto *s = new Session(this);
    connect(s, &Session::connectFailed, this, [this, s, index](const core::Error &e) {
        m_probes[index].error = e.message;
        s->deleteLater();
        probeDone();
    });
    connect(s, &Session::connected, this, [this, s, index]() {
        s->exec(QString::fromLatin1(kProbeSql), [this, s, index](core::Result<QueryResult> r) {
            if (!r.ok()) {
                m_probes[index].error = r.error().message;
                s->deleteLater();
                probeDone();
                return;
            }
            m_probes[index].answered = true;
            m_probes[index].inRecovery = r->last().toBool(0, 0);
            m_probes[index].clusterName = r->last().text(0, 1);
            s->exec(QString::fromLatin1(kSystemIdSql), [this, s, index](core::Result<QueryResult> id) {
                if (id.ok() && id->last().rowCount() == 1)
                    m_probes[index].systemId = id->last().text(0, 0);
                s->deleteLater();
                probeDone();
            });
        });
    });
    s->connectToServer(params, m_probeTimeoutMs);
}

void ReplicaDiscovery::probeDone()
{
    if (--m_pending == 0)
        match();
}

void ReplicaDiscovery::match()
{
    QSet<int> used;
    auto belongs = [this](const Probe &p) {
        if (!p.answered || !p.inRecovery)
            return false;
        if (!m_systemId.isEmpty() && !p.systemId.isEmpty())
            return p.systemId == m_systemId;
        return true;
    };
    // First pass: cluster_name equals the application_name the primary lists.
    for (int r = 0; r < m_rows.size(); ++r) {
        DiscoveredReplica &d = m_rows[r];
        for (int idx : m_candidatesOf.value(r)) {
            const Probe &p = m_probes[idx];
            if (used.contains(idx) || !belongs(p) || p.clusterName.isEmpty() || p.clusterName != d.applicationName)
                continue;
            d.port = p.port;
            d.host = p.host;
            d.reachable = true;
            used.insert(idx);
            break;
        }
    }
    // Second pass: any remaining replica of this cluster (proved by system id).
    for (int r = 0; r < m_rows.size(); ++r) {
        DiscoveredReplica &d = m_rows[r];
        if (d.reachable)
            continue;
        for (int idx : m_candidatesOf.value(r)) {
            const Probe &p = m_probes[idx];
            if (used.contains(idx) || !belongs(p) || m_systemId.isEmpty() || p.systemId.isEmpty())
                continue;
            d.port = p.port;
            d.host = p.host;
            d.reachable = true;
            used.insert(idx);
            break;
        }
    }
    for (int r = 0; r < m_rows.size(); ++r) {
        DiscoveredReplica &d = m_rows[r];
        d.params = m_primary;
        d.params.remove("hostaddr");
        d.params.remove("target_session_attrs");
        if (!d.host.isEmpty())
            d.params.set("host", d.host);
        if (d.reachable) {
            d.params.set("port", QString::number(d.port));
            d.note = tr("Found at %1:%2 (streams from this primary%3).")
                         .arg(d.host)
                         .arg(d.port)
                         .arg(m_systemId.isEmpty() ? QString() : tr(", same system identifier"));
            continue;
        }
        if (d.addressHidden) {
            d.note = tr("The primary does not show this replica's address to this user (pg_stat_replication "
                        "needs pg_read_all_stats or pg_monitor), and no replica of this cluster answered beside "
                        "the primary: enter the address you reach it at.");
            continue;
        }
        QStringList tried;
        for (int idx : m_candidatesOf.value(r))
            tried << QString::number(m_probes[idx].port);
        const QString from = d.clientAddr.isEmpty() ? tr("a Unix socket") : d.clientAddr;
        d.note = tr("The replica connects from %1, but no replica of this cluster answered at %2 on port(s) %3 "
                    "from this machine. It may listen elsewhere or not be reachable from here: "
                    "enter the address you reach it at.")
                     .arg(from, d.host, tried.isEmpty() ? tr("(none)") : tried.join(QStringLiteral(", ")));
    }
    log()->info("discovery on {}: {} replica(s) listed, {} reachable", m_primary.endpoint().toStdString(), m_rows.size(),
                std::count_if(m_rows.begin(), m_rows.end(), [](const DiscoveredReplica &d) { return d.reachable; }));
    if (m_done)
        std::exchange(m_done, nullptr)(m_rows);
}

} // namespace pgdeck::pg
