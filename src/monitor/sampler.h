#pragma once

#include "core/error.h"
#include "core/result.h"
#include "endpoint.h"
#include "pg/connparams.h"
#include "pg/serverconnection.h"
#include "sample.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QTimer;

namespace pgdeck::pg {
class Session;
}

namespace pgdeck::monitor {

class PrometheusScraper;

// Turns one server into a Sample per tick, on its own dedicated session
// (application_name=pgdeck-monitor, short statement_timeout), never through the
// shared pool. Reconnects with backoff while the server is away and keeps
// emitting "down" samples meanwhile, so the charts show the gap and the state.
// A tick that finds the previous one still running is skipped, never queued.
class Sampler : public QObject
{
    Q_OBJECT
public:
    enum class State { Stopped, Connecting, Up, Down };
    Q_ENUM(State)

    static constexpr int kDefaultIntervalMs = 1000;
    static constexpr int kMinIntervalMs = 500;
    static constexpr int kMaxIntervalMs = 60000;
    static constexpr int kMaxBackoffMs = 10000;

    // `server` (optional) gives the display name, pgdeck's pool stats and receives
    // the observed role; `params` are the server's connection parameters.
    Sampler(QString source, QString displayName, pg::ConnParams params, pg::ServerConnection *server, QObject *parent = nullptr);
    ~Sampler() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    void tick();

    void setIntervalMs(int ms);
    int intervalMs() const { return m_intervalMs; }
    void setEndpoints(const QList<Endpoint> &endpoints, QNetworkAccessManager *nam);
    QList<Endpoint> endpoints() const;
    const QList<PrometheusScraper *> &scrapers() const { return m_scrapers; }

    State state() const { return m_state; }
    static QString stateName(State s);
    QString lastError() const { return m_lastError; }
    QStringList notes() const { return m_notes; }
    QString source() const { return m_source; }
    QString displayName() const { return m_displayName; }
    pg::ServerConnection *server() const { return m_server; }
    pg::Session *session() const { return m_session; }
    int skippedTicks() const { return m_skipped; }
    int connectAttempts() const { return m_attempts; }
    // The last good sample (values stay for the dashboard's numbers).
    const Sample &lastSample() const { return m_last; }

Q_SIGNALS:
    void sampled(const pgdeck::monitor::Sample &sample);
    void stateChanged(pgdeck::monitor::Sampler::State state);

protected:
    using Done = std::function<void(core::Result<void>)>;
    // The parameters the dedicated session connects with.
    virtual pg::ConnParams sessionParams() const;
    // Once per connection, before the first tick (capabilities, PREPARE).
    virtual void prepare(pg::Session *session, Done done) = 0;
    // Fills `sample` from the server; `done` gets an error when the tick failed.
    virtual void collect(pg::Session *session, std::shared_ptr<Sample> sample, Done done) = 0;
    // After a reconnect: counters start over (rates skip one tick).
    virtual void resetState() {}

    void setNotes(QStringList notes) { m_notes = std::move(notes); }
    int statementTimeoutMs() const;
    pg::ConnParams m_params;

private:
    void connectNow();
    void dropSession();
    void lost(const core::Error &error);
    void setState(State s);
    void addLocalValues(Sample &s) const;
    void emitSample(Sample s);

    QString m_source;
    QString m_displayName;
    QPointer<pg::ServerConnection> m_server;
    pg::Session *m_session = nullptr;
    QTimer *m_reconnect = nullptr;
    QList<PrometheusScraper *> m_scrapers;
    State m_state = State::Stopped;
    QString m_lastError;
    QStringList m_notes;
    Sample m_last;
    int m_intervalMs = kDefaultIntervalMs;
    int m_failures = 0;
    int m_attempts = 0;
    int m_skipped = 0;
    bool m_running = false;
    bool m_inFlight = false;
    quint64 m_generation = 0; // bumps on every (re)connect: late answers of an old session are dropped
};

} // namespace pgdeck::monitor
