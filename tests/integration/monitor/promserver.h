#pragma once

// A tiny loopback HTTP server serving a Prometheus text body, for scrape tests.
// Header-only; used by tests/integration/monitor and tests/ui/dashboard.

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

namespace pgdeck::test {

class PromServer : public QObject
{
public:
    explicit PromServer(QObject *parent = nullptr) : QObject(parent)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s]() {
                    m_buffer[s] += s->readAll();
                    if (!m_buffer[s].contains("\r\n\r\n"))
                        return;
                    ++m_requests;
                    const QByteArray head = QByteArrayLiteral("HTTP/1.1 ") + m_status
                        + QByteArrayLiteral("\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: ")
                        + QByteArray::number(m_body.size()) + QByteArrayLiteral("\r\nConnection: close\r\n\r\n");
                    s->write(head + m_body);
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/metrics").arg(m_server.serverPort()); }
    void setBody(const QByteArray &body, const QByteArray &status = QByteArrayLiteral("200 OK"))
    {
        m_body = body;
        m_status = status;
    }
    int requests() const { return m_requests; }

    static QByteArray poolBody(int size, int available, int waiting, int errors)
    {
        return QStringLiteral("# TYPE db_pool_size gauge\ndb_pool_size %1\n"
                              "# TYPE db_pool_available gauge\ndb_pool_available %2\n"
                              "db_pool_waiting %3\n# TYPE db_connection_errors_total counter\n"
                              "db_connection_errors_total %4\n")
            .arg(size)
            .arg(available)
            .arg(waiting)
            .arg(errors)
            .toUtf8();
    }

private:
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffer;
    QByteArray m_body;
    QByteArray m_status = QByteArrayLiteral("200 OK");
    int m_requests = 0;
};

} // namespace pgdeck::test
