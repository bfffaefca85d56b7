#pragma once

#include "endpoint.h"
#include "pg/serverconnection.h"
#include "sample.h"
#include "sampler.h"
#include "thresholds.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QTimer;

namespace pgdeck::store {
class MetricStore;
}

namespace pgdeck::monitor {

class ThresholdWatch;

// The dashboard's engine: one Sampler per server, one timer for all of them, every
// sample into the MetricStore and through the thresholds. Servers whose charts are
// not on screen are paused (their dedicated sessions closed).
class Monitor : public QObject
{
    Q_OBJECT
public:
    explicit Monitor(store::MetricStore *store, QObject *parent = nullptr);
    ~Monitor() override;

    void addServer(const QString &profile, pg::ServerConnection *server);
    void removeServer(pg::ServerConnection *server);
    QList<pg::ServerConnection *> servers() const;
    QString profileOf(pg::ServerConnection *server) const;
    QString sourceOf(pg::ServerConnection *server) const;
    static QString sourceKey(const QString &profile, const QString &serverName);
    Sampler *sampler(pg::ServerConnection *server) const;

    // The servers whose charts are visible; every other server is paused.
    void setVisibleServers(const QList<pg::ServerConnection *> &servers);
    bool isSampling(pg::ServerConnection *server) const;

    void setIntervalMs(int ms); // clamped to 0.5 s … 60 s
    int intervalMs() const { return m_intervalMs; }

    Thresholds thresholds(const QString &profile) const;
    void setThresholds(const QString &profile, const Thresholds &t, bool persist = true);
    QList<Endpoint> endpoints(pg::ServerConnection *server) const;
    void setEndpoints(pg::ServerConnection *server, const QList<Endpoint> &endpoints, bool persist = true);

    ThresholdWatch *watch() const { return m_watch; }
    store::MetricStore *store() const { return m_store; }
    QNetworkAccessManager *network() const { return m_nam; }
    void tickNow();

Q_SIGNALS:
    void sampled(pgdeck::pg::ServerConnection *server, const pgdeck::monitor::Sample &sample);
    void samplerStateChanged(pgdeck::pg::ServerConnection *server, pgdeck::monitor::Sampler::State state);
    // A tick was handed to every sampler (answers follow as sampled()).
    void ticked();

private:
    struct Entry
    {
        QString profile;
        QPointer<pg::ServerConnection> server;
        Sampler *sampler = nullptr;
        Sampler *pooler = nullptr; // a PgBouncer probe after a proxy was detected
        bool visible = false;
    };
    Sampler *makeSampler(Entry &e, bool bouncer);
    void wire(pg::ServerConnection *server, Sampler *sampler);
    void onProxyDetected(pg::ServerConnection *server);
    void applySettings(Entry &e);
    Entry *entryFor(pg::ServerConnection *server);
    const Entry *entryFor(pg::ServerConnection *server) const;

    store::MetricStore *m_store;
    ThresholdWatch *m_watch;
    QNetworkAccessManager *m_nam;
    QTimer *m_timer;
    QList<Entry> m_entries;
    QHash<QString, Thresholds> m_thresholds;
    int m_intervalMs = Sampler::kDefaultIntervalMs;
};

} // namespace pgdeck::monitor
