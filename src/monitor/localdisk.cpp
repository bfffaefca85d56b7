#include "localdisk.h"

#include <QFile>
#include <QHostAddress>

#include <sys/statvfs.h>

namespace pgdeck::monitor {

bool LocalDisk::isLocal(const pg::ConnParams &params)
{
    const QString hostaddr = params.value("hostaddr");
    if (!hostaddr.isEmpty())
        return QHostAddress(hostaddr).isLoopback();
    const QString host = params.hosts().value(0);
    if (host.isEmpty() || host.startsWith(QLatin1Char('/')) || host.startsWith(QLatin1Char('@')))
        return true; // Unix-domain socket
    if (host == QLatin1String("localhost"))
        return true;
    return QHostAddress(host).isLoopback();
}

std::optional<LocalDisk::Usage> LocalDisk::usage(const QString &path)
{
    struct statvfs st{};
    if (::statvfs(QFile::encodeName(path).constData(), &st) != 0 || st.f_blocks == 0)
        return std::nullopt;
    Usage u;
    const qint64 frag = qint64(st.f_frsize ? st.f_frsize : st.f_bsize);
    u.sizeBytes = qint64(st.f_blocks) * frag;
    u.usedBytes = qint64(st.f_blocks - st.f_bfree) * frag;
    u.availableBytes = qint64(st.f_bavail) * frag;
    return u;
}

} // namespace pgdeck::monitor
