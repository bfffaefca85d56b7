#pragma once

#include "connparams.h"
#include "core/result.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace pgdeck::pg {

// A replica the primary streams to, and where (if anywhere) pgdeck reached it.
struct DiscoveredReplica
{
    QString applicationName; // pg_stat_replication.application_name (the replica's cluster_name by default)
    QString clientAddr;      // where the replica connects from; empty = Unix socket
    QString clientHostname;
    QString state;           // streaming, catchup, …
    QString syncState;       // async, sync, potential, quorum
    QString host;            // where pgdeck reached it (or would try first)
    int port = 0;            // 0 = no PostgreSQL replica of this cluster answered
    bool reachable = false;
    bool addressHidden = false; // this user may not see client_addr (needs pg_read_all_stats)
    QString note;            // plain words on how it was found or why not
    ConnParams params;       // the primary's parameters pointed at host:port
};

// Finds a primary's replicas from pg_stat_replication. The view gives the address
// a replica connects *from*, never the port it listens on, so pgdeck tries that
// address on the profile's ports and on 5432 — and, when the replica runs on
// this machine (or beside the primary, seen as a loopback client), on the ports
// this machine listens on. A candidate counts only when it is in recovery and has
// the primary's system identifier (pg_control_system), or, without permission to
// read that, the cluster_name the primary lists as application_name.
class ReplicaDiscovery : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(core::Result<QList<DiscoveredReplica>>)>;

    explicit ReplicaDiscovery(ConnParams primary, QObject *parent = nullptr);

    // Extra ports to try (the profile's, or one the user typed).
    void setCandidatePorts(const QList<int> &ports) { m_extraPorts = ports; }
    void setProbeTimeoutMs(int ms) { m_probeTimeoutMs = ms; }
    void start(Done done);

    // TCP ports in LISTEN state on this machine (IPv4 and IPv6), from /proc/net.
    static QList<int> localListeningPorts();

private:
    struct Probe
    {
        QString host;
        int port = 0;
        bool answered = false;
        bool inRecovery = false;
        QString clusterName;
        QString systemId;
        QString error;
    };
    void onPrimaryRows(const QList<DiscoveredReplica> &rows, bool primaryInRecovery);
    void probe(int index);
    void probeDone();
    void match();

    ConnParams m_primary;
    QList<int> m_extraPorts;
    int m_probeTimeoutMs = 3000;
    Done m_done;
    QString m_systemId;
    QList<DiscoveredReplica> m_rows;
    QList<Probe> m_probes;
    QList<QList<int>> m_candidatesOf; // per row: indexes into m_probes
    int m_pending = 0;
    bool m_primaryInRecovery = false;
};

} // namespace pgdeck::pg
