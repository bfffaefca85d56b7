#include "keychain.h"

#include "core/logging.h"

#include <qt6keychain/keychain.h>

#include <QPointer>
#include <QTimer>

#include <memory>

namespace pgdeck::secrets {

namespace {
auto log() { return core::logger("secrets"); }

enum JobKind { ReadJob, WriteJob, DeleteJob };
} // namespace

Keychain::Keychain(QString service, QObject *parent) : QObject(parent), m_service(std::move(service)) {}

Keychain *Keychain::shared()
{
    static QPointer<Keychain> instance;
    if (!instance)
        instance = new Keychain(QStringLiteral("pgdeck"), nullptr);
    return instance;
}

void Keychain::markUnavailable(const QString &reason)
{
    if (m_availability == Availability::Unavailable)
        return;
    m_availability = Availability::Unavailable;
    m_reason = reason;
    log()->warn("no keychain backend: {}; passwords will be asked once per session and kept in memory only",
                reason.toStdString());
    Q_EMIT availabilityChanged(m_availability);
    Q_EMIT unavailable(reason);
}

void Keychain::markAvailable()
{
    if (m_availability == Availability::Available)
        return;
    m_availability = Availability::Available;
    m_reason.clear();
    Q_EMIT availabilityChanged(m_availability);
}

core::Error Keychain::unavailableError() const
{
    return core::Error::make(core::Error::Kind::Io, QStringLiteral("no keychain backend is available: %1").arg(m_reason), {},
                             QStringLiteral("Start a Secret Service (e.g. gnome-keyring) or KWallet to store passwords; "
                                            "until then pgdeck asks once per session, and ~/.pgpass still works."));
}

void Keychain::run(int kind, const QString &key, const QString &secret, std::function<void(const Outcome &)> done)
{
    QKeychain::Job *job = nullptr;
    switch (kind) {
    case ReadJob: job = new QKeychain::ReadPasswordJob(m_service); break;
    case WriteJob: {
        auto *w = new QKeychain::WritePasswordJob(m_service);
        w->setTextData(secret);
        job = w;
        break;
    }
    default: job = new QKeychain::DeletePasswordJob(m_service); break;
    }
    // Unparented: a job finishes (and deletes itself) even if this object dies first;
    // the connections below die with this object, so nobody is called back then.
    job->setKey(key);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a clear-text file

    // Whichever comes first, the job's answer or the deadline, answers `done`.
    auto pending = std::make_shared<std::function<void(const Outcome &)>>(std::move(done));
    auto *deadline = new QTimer(this);
    deadline->setSingleShot(true);
    QPointer<Keychain> self(this);
    connect(job, &QKeychain::Job::finished, this, [pending, deadline, kind](QKeychain::Job *j) {
        deadline->stop();
        deadline->deleteLater();
        if (!*pending)
            return;
        Outcome o;
        o.code = int(j->error());
        o.message = j->errorString();
        if (kind == ReadJob && j->error() == QKeychain::NoError)
            o.text = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
        std::exchange(*pending, nullptr)(o);
    });
    connect(deadline, &QTimer::timeout, this, [this, pending, deadline]() {
        deadline->deleteLater();
        if (!*pending)
            return;
        Outcome o;
        o.code = int(QKeychain::NoBackendAvailable);
        o.message = QStringLiteral("the keychain did not answer within %1 s").arg(m_timeoutMs / 1000.0);
        std::exchange(*pending, nullptr)(o);
    });
    deadline->start(m_timeoutMs);
    job->start();
}

void Keychain::read(const QString &key, ReadDone done)
{
    if (m_availability == Availability::Unavailable) {
        done(unavailableError());
        return;
    }
    run(ReadJob, key, {}, [this, done = std::move(done)](const Outcome &o) {
        switch (QKeychain::Error(o.code)) {
        case QKeychain::NoError:
            markAvailable();
            done(std::optional<QString>(o.text));
            return;
        case QKeychain::EntryNotFound:
            markAvailable();
            done(std::optional<QString>());
            return;
        case QKeychain::AccessDenied:
        case QKeychain::AccessDeniedByUser:
            markAvailable();
            done(core::Error::make(core::Error::Kind::Io, QStringLiteral("the keychain refused access: %1").arg(o.message)));
            return;
        default:
            // Before anything ever worked, any other failure means there is no usable backend.
            if (m_availability != Availability::Available) {
                markUnavailable(o.message);
                done(unavailableError());
            } else {
                done(core::Error::make(core::Error::Kind::Io, QStringLiteral("keychain read failed: %1").arg(o.message)));
            }
            return;
        }
    });
}

void Keychain::write(const QString &key, const QString &secret, Done done)
{
    if (m_availability == Availability::Unavailable) {
        done(unavailableError());
        return;
    }
    run(WriteJob, key, secret, [this, done = std::move(done)](const Outcome &o) {
        if (o.code == QKeychain::NoError) {
            markAvailable();
            done({});
            return;
        }
        if (o.code == QKeychain::AccessDenied || o.code == QKeychain::AccessDeniedByUser) {
            markAvailable();
            done(core::Error::make(core::Error::Kind::Io, QStringLiteral("the keychain refused to store the password: %1").arg(o.message)));
            return;
        }
        // A keychain that cannot store (no unlocked collection, no D-Bus) is as good
        // as none, even when a read before only found nothing.
        markUnavailable(o.message);
        done(unavailableError());
    });
}

void Keychain::remove(const QString &key, Done done)
{
    if (m_availability == Availability::Unavailable) {
        done(unavailableError());
        return;
    }
    run(DeleteJob, key, {}, [this, done = std::move(done)](const Outcome &o) {
        if (o.code == QKeychain::NoError || o.code == QKeychain::EntryNotFound) {
            markAvailable();
            done({});
            return;
        }
        if (m_availability != Availability::Available && o.code != QKeychain::AccessDenied
            && o.code != QKeychain::AccessDeniedByUser) {
            markUnavailable(o.message);
            done(unavailableError());
            return;
        }
        done(core::Error::make(core::Error::Kind::Io, QStringLiteral("keychain delete failed: %1").arg(o.message)));
    });
}

} // namespace pgdeck::secrets
