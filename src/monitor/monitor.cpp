#include "monitor.h"

#include "bouncersampler.h"
#include "core/logging.h"
#include "monitorsettings.h"
#include "pg/serverconnection.h"
#include "postgressampler.h"
#include "store/metricstore.h"
#include "thresholdwatch.h"

#include <QNetworkAccessManager>
#include <QTimer>

#include <algorithm>

namespace pgdeck::monitor {

Monitor::Monitor(store::MetricStore *store, QObject *parent)
    : QObject(parent), m_store(store), m_watch(new ThresholdWatch(this)), m_nam(new QNetworkAccessManager(this)),
      m_timer(new QTimer(this))
{
    m_timer->setInterval(m_intervalMs);
    connect(m_timer, &QTimer::timeout, this, &Monitor::tickNow);
}

Monitor::~Monitor()
{
    for (Entry &e : m_entries) {
        delete e.pooler;
        delete e.sampler;
    }
}

QString Monitor::sourceKey(const QString &profile, const QString &serverName)
{
    return (profile.isEmpty() ? QStringLiteral("default") : profile) + QLatin1Char('/') + serverName;
}

Monitor::Entry *Monitor::entryFor(pg::ServerConnection *server)
{
    for (Entry &e : m_entries)
        if (e.server == server)
            return &e;
    return nullptr;
}

const Monitor::Entry *Monitor::entryFor(pg::ServerConnection *server) const
{
    for (const Entry &e : m_entries)
        if (e.server == server)
            return &e;
    return nullptr;
}

Sampler *Monitor::makeSampler(Entry &e, bool bouncer)
{
    const QString source = sourceKey(e.profile, e.server->name());
    Sampler *s = bouncer ? static_cast<Sampler *>(new BouncerSampler(source, e.server->name(), e.server->params(), e.server))
                         : static_cast<Sampler *>(new PostgresSampler(source, e.server->name(), e.server->params(), e.server));
    s->setParent(this);
    s->setIntervalMs(m_intervalMs);
    return s;
}

void Monitor::addServer(const QString &profile, pg::ServerConnection *server)
{
    if (!server || entryFor(server))
        return;
    Entry e;
    e.profile = profile;
    e.server = server;
    e.sampler = makeSampler(e, BouncerSampler::isAdminConsole(server->params()));
    m_entries.append(e);
    Entry &added = m_entries.last();
    if (!m_thresholds.contains(profile))
        m_thresholds.insert(profile, Thresholds::load(profile));
    m_watch->setThresholds(profile, m_thresholds.value(profile));
    applySettings(added);
    wire(server, added.sampler);
    connect(server, &QObject::destroyed, this, [this, server]() { removeServer(server); });
}

void Monitor::applySettings(Entry &e)
{
    if (auto *pgs = qobject_cast<PostgresSampler *>(e.sampler))
        pgs->setSlowThresholdMs(m_thresholds.value(e.profile).slowQueryMs);
    e.sampler->setEndpoints(MonitorSettings::endpoints(e.profile, e.server->name()), m_nam);
}

void Monitor::wire(pg::ServerConnection *server, Sampler *sampler)
{
    QPointer<pg::ServerConnection> guard(server);
    connect(sampler, &Sampler::sampled, this, [this, guard, sampler](const Sample &s) {
        if (!guard)
            return;
        const Entry *e = entryFor(guard);
        if (!e || e->sampler != sampler)
            return;
        if (m_store)
            m_store->append(s.source, s.timestampMs, s.values);
        m_watch->evaluate(e->profile, s);
        Q_EMIT sampled(guard, s);
    });
    connect(sampler, &Sampler::stateChanged, this, [this, guard, sampler](Sampler::State st) {
        const Entry *e = guard ? entryFor(guard) : nullptr;
        if (e && e->sampler == sampler)
            Q_EMIT samplerStateChanged(guard, st);
    });
    if (auto *pgs = qobject_cast<PostgresSampler *>(sampler))
        connect(pgs, &PostgresSampler::proxyDetected, this, [this, guard]() {
            if (guard)
                onProxyDetected(guard);
        });
}

void Monitor::onProxyDetected(pg::ServerConnection *server)
{
    Entry *e = entryFor(server);
    if (!e || e->pooler)
        return;
    // Something other than PostgreSQL answers on that port. If it is PgBouncer, its
    // admin console says so: chart the pooler, not the server behind it twice.
    e->pooler = makeSampler(*e, true);
    Sampler *probe = e->pooler;
    QPointer<pg::ServerConnection> guard(server);
    connect(probe, &Sampler::stateChanged, this, [this, guard, probe](Sampler::State st) {
        Entry *en = guard ? entryFor(guard) : nullptr;
        if (!en || en->pooler != probe)
            return;
        if (st == Sampler::State::Up) {
            core::logger("monitor")->info("{} is PgBouncer: charting its pools", guard->name().toStdString());
            Sampler *old = en->sampler;
            en->sampler = probe;
            en->pooler = nullptr;
            old->stop();
            old->deleteLater();
            probe->disconnect(this);
            applySettings(*en);
            wire(guard, probe);
            Q_EMIT samplerStateChanged(guard, st);
        } else if (st == Sampler::State::Down) {
            en->pooler = nullptr;
            probe->stop();
            probe->deleteLater();
        }
    });
    probe->start();
}

void Monitor::removeServer(pg::ServerConnection *server)
{
    for (int i = 0; i < m_entries.size(); ++i) {
        Entry &e = m_entries[i];
        if (e.server != server && !(e.server.isNull() && server))
            continue;
        if (e.sampler) {
            m_watch->forget(e.sampler->source());
            e.sampler->stop();
            e.sampler->deleteLater();
        }
        if (e.pooler) {
            e.pooler->stop();
            e.pooler->deleteLater();
        }
        m_entries.removeAt(i);
        return;
    }
}

QList<pg::ServerConnection *> Monitor::servers() const
{
    QList<pg::ServerConnection *> out;
    for (const Entry &e : m_entries)
        if (e.server)
            out.append(e.server);
    return out;
}

QString Monitor::profileOf(pg::ServerConnection *server) const
{
    const Entry *e = entryFor(server);
    return e ? e->profile : QString();
}

QString Monitor::sourceOf(pg::ServerConnection *server) const
{
    const Entry *e = entryFor(server);
    return e && e->sampler ? e->sampler->source() : QString();
}

Sampler *Monitor::sampler(pg::ServerConnection *server) const
{
    const Entry *e = entryFor(server);
    return e ? e->sampler : nullptr;
}

void Monitor::setVisibleServers(const QList<pg::ServerConnection *> &servers)
{
    bool any = false;
    for (Entry &e : m_entries) {
        e.visible = e.server && servers.contains(e.server.data());
        if (e.visible && !e.sampler->isRunning())
            e.sampler->start();
        else if (!e.visible && e.sampler->isRunning())
            e.sampler->stop();
        any = any || e.visible;
    }
    if (any && !m_timer->isActive())
        m_timer->start();
    else if (!any)
        m_timer->stop();
}

bool Monitor::isSampling(pg::ServerConnection *server) const
{
    const Entry *e = entryFor(server);
    return e && e->sampler->isRunning();
}

void Monitor::setIntervalMs(int ms)
{
    m_intervalMs = std::clamp(ms, Sampler::kMinIntervalMs, Sampler::kMaxIntervalMs);
    m_timer->setInterval(m_intervalMs);
    for (Entry &e : m_entries)
        e.sampler->setIntervalMs(m_intervalMs);
}

Thresholds Monitor::thresholds(const QString &profile) const
{
    return m_thresholds.contains(profile) ? m_thresholds.value(profile) : Thresholds::load(profile);
}

void Monitor::setThresholds(const QString &profile, const Thresholds &t, bool persist)
{
    m_thresholds.insert(profile, t);
    m_watch->setThresholds(profile, t);
    if (persist)
        t.save(profile);
    for (Entry &e : m_entries)
        if (e.profile == profile)
            if (auto *pgs = qobject_cast<PostgresSampler *>(e.sampler))
                pgs->setSlowThresholdMs(t.slowQueryMs);
}

QList<Endpoint> Monitor::endpoints(pg::ServerConnection *server) const
{
    const Entry *e = entryFor(server);
    return e ? e->sampler->endpoints() : QList<Endpoint>{};
}

void Monitor::setEndpoints(pg::ServerConnection *server, const QList<Endpoint> &endpoints, bool persist)
{
    Entry *e = entryFor(server);
    if (!e)
        return;
    if (persist)
        MonitorSettings::setEndpoints(e->profile, server->name(), endpoints);
    e->sampler->setEndpoints(endpoints, m_nam);
}

void Monitor::tickNow()
{
    for (int i = m_entries.size() - 1; i >= 0; --i)
        if (!m_entries[i].server)
            removeServer(nullptr);
    for (Entry &e : m_entries)
        if (e.visible && e.sampler->isRunning())
            e.sampler->tick();
    Q_EMIT ticked();
}

} // namespace pgdeck::monitor
