#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <cmath>
#include <deque>
#include <limits>

class QNetworkAccessManager;
class QNetworkReply;

namespace pgdeck::monitor {

// An application's connection pool as the application sees it, scraped from its
// Prometheus endpoint: db_pool_size, db_pool_available, db_pool_waiting and
// db_connection_errors_total (clients waiting for a connection are invisible from
// the server). One request in flight at most; never blocks.
class PrometheusScraper : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Ok, Unreachable, HttpError, Malformed, Timeout };
    Q_ENUM(State)

    struct Pool
    {
        double size = std::numeric_limits<double>::quiet_NaN();
        double available = std::numeric_limits<double>::quiet_NaN();
        double waiting = std::numeric_limits<double>::quiet_NaN();
        double errorsTotal = std::numeric_limits<double>::quiet_NaN();
        double errorsPerMin = std::numeric_limits<double>::quiet_NaN(); // increase over the last minute
    };

    // `application` is the application_name the server sees for this app.
    PrometheusScraper(QUrl url, QString application, QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~PrometheusScraper() override;

    QUrl url() const { return m_url; }
    QString application() const { return m_application; }

    // Starts a GET unless one is still running.
    void scrape(int timeoutMs);

    State state() const { return m_state; }
    // What the dashboard shows beside the chart: "ok", or what went wrong.
    QString stateText() const { return m_stateText; }
    // The last good reading; stale values are cleared when the endpoint fails.
    const Pool &pool() const { return m_pool; }
    bool hasPool() const { return m_state == State::Ok; }

Q_SIGNALS:
    void scraped();

private:
    void finish(QNetworkReply *reply);
    void setState(State s, QString text);

    QUrl m_url;
    QString m_application;
    QPointer<QNetworkAccessManager> m_nam;
    QPointer<QNetworkReply> m_reply;
    State m_state = State::Idle;
    QString m_stateText;
    Pool m_pool;
    // (ms since start, db_connection_errors_total) of recent scrapes, for the per-minute increase.
    std::deque<std::pair<qint64, double>> m_errors;
    QElapsedTimer m_clock;
};

} // namespace pgdeck::monitor
