#include "prometheusscraper.h"

#include "core/logging.h"
#include "prometheusparser.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace pgdeck::monitor {

namespace {
constexpr qint64 kMaxBody = 8 * 1024 * 1024; // an exposition larger than this is not a pool endpoint
}

PrometheusScraper::PrometheusScraper(QUrl url, QString application, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent), m_url(std::move(url)), m_application(std::move(application)), m_nam(nam)
{
    m_stateText = tr("not scraped yet");
}

PrometheusScraper::~PrometheusScraper()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void PrometheusScraper::setState(State s, QString text)
{
    if (s != m_state && s != State::Ok)
        core::logger("monitor")->info("scraping {} failed: {}", m_url.toDisplayString().toStdString(), text.toStdString());
    m_state = s;
    m_stateText = std::move(text);
    if (s != State::Ok)
        m_pool = Pool{};
}

void PrometheusScraper::scrape(int timeoutMs)
{
    if (m_reply || !m_nam)
        return;
    if (!m_url.isValid() || (m_url.scheme() != QLatin1String("http") && m_url.scheme() != QLatin1String("https"))) {
        setState(State::Unreachable, tr("not an http(s) URL: %1").arg(m_url.toDisplayString()));
        Q_EMIT scraped();
        return;
    }
    QNetworkRequest req(m_url);
    req.setTransferTimeout(timeoutMs);
    req.setRawHeader("Accept", "text/plain;version=0.0.4");
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_nam->get(req);
    m_reply = reply;
    connect(reply, &QNetworkReply::downloadProgress, this, [reply](qint64 received, qint64) {
        if (received > kMaxBody)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply]() { finish(reply); });
}

void PrometheusScraper::finish(QNetworkReply *reply)
{
    reply->deleteLater();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError) {
        setState(State::Timeout, tr("no answer from %1 in time").arg(m_url.toDisplayString()));
    } else if (reply->error() != QNetworkReply::NoError && status == 0) {
        setState(State::Unreachable, tr("cannot reach %1: %2").arg(m_url.toDisplayString(), reply->errorString()));
    } else if (status != 200) {
        setState(State::HttpError, tr("%1 answered HTTP %2").arg(m_url.toDisplayString()).arg(status));
    } else {
        const auto parsed = PrometheusParser::parse(reply->read(kMaxBody));
        bool hasSize = false, hasAvail = false, hasWait = false, hasErr = false;
        Pool p;
        p.size = PrometheusParser::sum(parsed, QStringLiteral("db_pool_size"), &hasSize);
        p.available = PrometheusParser::sum(parsed, QStringLiteral("db_pool_available"), &hasAvail);
        p.waiting = PrometheusParser::sum(parsed, QStringLiteral("db_pool_waiting"), &hasWait);
        p.errorsTotal = PrometheusParser::sum(parsed, QStringLiteral("db_connection_errors_total"), &hasErr);
        if (!parsed.errors.isEmpty() && parsed.metrics.isEmpty()) {
            setState(State::Malformed, tr("%1 did not serve Prometheus metrics (%2)").arg(m_url.toDisplayString(), parsed.errors.first()));
        } else if (!hasSize && !hasAvail && !hasWait && !hasErr) {
            setState(State::Malformed,
                     tr("%1 serves no db_pool_size, db_pool_available, db_pool_waiting or db_connection_errors_total")
                         .arg(m_url.toDisplayString()));
        } else {
            // A counter: its increase over the trailing minute (a drop means the app restarted).
            if (!m_clock.isValid())
                m_clock.start();
            const qint64 now = m_clock.elapsed();
            if (hasErr) {
                if (!m_errors.empty() && p.errorsTotal < m_errors.back().second)
                    m_errors.clear();
                m_errors.emplace_back(now, p.errorsTotal);
                while (m_errors.size() > 1 && m_errors[1].first <= now - 60000)
                    m_errors.pop_front();
                p.errorsPerMin = p.errorsTotal - m_errors.front().second;
            } else {
                m_errors.clear();
            }
            m_pool = p;
            m_state = State::Ok;
            m_stateText = parsed.errors.isEmpty() ? tr("ok")
                                                  : tr("ok, %n line(s) skipped: %1", nullptr, int(parsed.errors.size()))
                                                        .arg(parsed.errors.first());
        }
    }
    Q_EMIT scraped();
}

} // namespace pgdeck::monitor
