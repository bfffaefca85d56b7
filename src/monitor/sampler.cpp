#include "sampler.h"

#include "core/logging.h"
#include "metricnames.h"
#include "pg/pool.h"
#include "pg/serverconnection.h"
#include "pg/session.h"
#include "prometheusscraper.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace pgdeck::monitor {

namespace {
auto log() { return core::logger("monitor"); }
}

Sampler::Sampler(QString source, QString displayName, pg::ConnParams params, pg::ServerConnection *server, QObject *parent)
    : QObject(parent), m_params(std::move(params)), m_source(std::move(source)), m_displayName(std::move(displayName)),
      m_server(server), m_reconnect(new QTimer(this))
{
    m_reconnect->setSingleShot(true);
    connect(m_reconnect, &QTimer::timeout, this, &Sampler::connectNow);
}

Sampler::~Sampler()
{
    m_running = false;
    if (m_session)
        m_session->disconnect(this);
}

QString Sampler::stateName(State s)
{
    switch (s) {
    case State::Stopped: return QStringLiteral("paused");
    case State::Connecting: return QStringLiteral("connecting");
    case State::Up: return QStringLiteral("up");
    case State::Down: return QStringLiteral("down");
    }
    return {};
}

void Sampler::setIntervalMs(int ms)
{
    m_intervalMs = std::clamp(ms, kMinIntervalMs, kMaxIntervalMs);
}

int Sampler::statementTimeoutMs() const
{
    // Short: a monitor query that needs seconds is itself a symptom; never let it
    // pile up behind a struggling server.
    return std::clamp(m_intervalMs * 2, 1000, 10000);
}

void Sampler::setEndpoints(const QList<Endpoint> &endpoints, QNetworkAccessManager *nam)
{
    if (endpoints == this->endpoints())
        return;
    qDeleteAll(m_scrapers);
    m_scrapers.clear();
    for (const Endpoint &e : endpoints)
        m_scrapers.append(new PrometheusScraper(e.url, e.application, nam, this));
}

QList<Endpoint> Sampler::endpoints() const
{
    QList<Endpoint> out;
    for (auto *s : m_scrapers)
        out.append({s->url(), s->application()});
    return out;
}

pg::ConnParams Sampler::sessionParams() const
{
    pg::ConnParams p = m_params;
    p.set("application_name", QStringLiteral("pgdeck-monitor"));
    return p;
}

void Sampler::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void Sampler::start()
{
    if (m_running)
        return;
    m_running = true;
    m_failures = 0;
    connectNow();
}

// Forgets the current session: answers still on their way belong to an old
// generation and are dropped.
void Sampler::dropSession()
{
    ++m_generation;
    m_inFlight = false;
    if (m_session) {
        m_session->disconnect(this);
        m_session->deleteLater();
        m_session = nullptr;
    }
}

void Sampler::stop()
{
    m_running = false;
    m_reconnect->stop();
    dropSession();
    setState(State::Stopped);
}

void Sampler::connectNow()
{
    if (!m_running)
        return;
    dropSession();
    const quint64 gen = m_generation;
    ++m_attempts;
    if (m_state != State::Down)
        setState(State::Connecting);
    auto *s = new pg::Session(this);
    m_session = s;
    connect(s, &pg::Session::connected, this, [this, s, gen]() {
        prepare(s, [this, gen](core::Result<void> r) {
            if (gen != m_generation)
                return;
            if (!r.ok()) {
                lost(r.error());
                return;
            }
            if (m_failures > 0)
                log()->info("monitor reconnected to {}", m_displayName.toStdString());
            m_failures = 0;
            m_lastError.clear();
            resetState();
            setState(State::Up);
        });
    });
    connect(s, &pg::Session::connectFailed, this, [this, gen](const core::Error &e) {
        if (gen == m_generation)
            lost(e);
    });
    connect(s, &pg::Session::broken, this, [this, gen](const core::Error &e) {
        if (gen == m_generation)
            lost(e);
    });
    s->connectToServer(sessionParams(), std::clamp(m_intervalMs * 3, 2000, 10000));
}

void Sampler::lost(const core::Error &error)
{
    m_lastError = error.message;
    if (m_state == State::Up)
        log()->warn("monitor lost {}: {}", m_displayName.toStdString(), error.message.toStdString());
    dropSession();
    setState(State::Down);
    if (!m_running)
        return;
    // 250 ms, 0.5 s, 1 s … capped: a restarted server is back within seconds, a
    // dead one is not hammered.
    const int delay = std::min(kMaxBackoffMs, 250 << std::min(m_failures, 6));
    ++m_failures;
    m_reconnect->start(delay);
}

void Sampler::addLocalValues(Sample &s) const
{
    if (m_server) {
        const pg::PoolStats st = m_server->pool()->stats();
        s.values.insert(metric::poolTotal, st.total);
        s.values.insert(metric::poolIdle, st.idle);
        s.values.insert(metric::poolLeased, st.leased);
        s.values.insert(metric::poolWaiting, st.waiting);
        s.values.insert(metric::poolErrors, double(st.errors));
    }
    for (const PrometheusScraper *sc : m_scrapers) {
        const QString app = sc->application();
        s.values.insert(metric::keyed(QStringLiteral("scrape"), app, QStringLiteral("up")), sc->hasPool() ? 1 : 0);
        if (!sc->hasPool())
            continue;
        const auto &p = sc->pool();
        auto put = [&](const char *field, double v) {
            if (std::isfinite(v))
                s.values.insert(metric::keyed(QStringLiteral("scrape"), app, QString::fromLatin1(field)), v);
        };
        put("pool_size", p.size);
        put("pool_available", p.available);
        put("pool_waiting", p.waiting);
        put("pool_in_use", p.size - p.available);
        put("errors_total", p.errorsTotal);
        put("errors_per_min", p.errorsPerMin);
    }
}

void Sampler::emitSample(Sample s)
{
    s.values.insert(metric::up, s.up ? 1 : 0);
    addLocalValues(s);
    if (s.notes.isEmpty())
        s.notes = m_notes;
    if (s.up)
        m_last = s;
    Q_EMIT sampled(s);
}

void Sampler::tick()
{
    if (!m_running)
        return;
    for (PrometheusScraper *sc : m_scrapers)
        sc->scrape(std::clamp(m_intervalMs, 1000, 5000));
    Sample base;
    base.source = m_source;
    base.server = m_displayName;
    base.timestampMs = QDateTime::currentMSecsSinceEpoch();
    base.role = m_last.role;
    base.state = stateName(m_state);
    if (m_state != State::Up || !m_session) {
        base.up = false;
        base.error = m_lastError;
        emitSample(std::move(base));
        return;
    }
    if (m_inFlight) {
        ++m_skipped;
        return;
    }
    m_inFlight = true;
    const quint64 gen = m_generation;
    auto sample = std::make_shared<Sample>(std::move(base));
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    collect(m_session, sample, [this, gen, sample, clock](core::Result<void> r) {
        if (gen != m_generation)
            return;
        m_inFlight = false;
        if (!r.ok()) {
            const core::Error &e = r.error();
            sample->error = e.message;
            if (e.isConnectionLoss() || e.isTimeout()) {
                // A server that does not answer in time is treated as gone: the
                // session may be stuck behind it; a fresh one finds out.
                lost(e);
                sample->up = false;
                sample->state = stateName(m_state);
            } else {
                sample->up = true; // it answered, with an error (e.g. a permission)
            }
            emitSample(*sample);
            return;
        }
        sample->up = true;
        sample->state = stateName(m_state);
        sample->values.insert(metric::rttMs, clock->nsecsElapsed() / 1e6);
        emitSample(*sample);
    });
}

} // namespace pgdeck::monitor
