#include "cli.h"
#include "core/logging.h"
#include "gui.h"

#include <QCoreApplication>

#include <cstring>

using namespace pgdeck;

namespace {
void printHelp()
{
    QString text = QStringLiteral(
        "pgdeck %1 — a native workbench for PostgreSQL DBAs\n\n"
        "usage:\n"
        "  pgdeck [--connect CONN]... [--view NAME] [--screenshot FILE --after SECONDS]   the window\n")
                       .arg(QStringLiteral(PGDECK_VERSION));
    for (const auto &c : app::commands())
        text += QStringLiteral("  pgdeck %1\n").arg(QString::fromLatin1(c.synopsis));
    text += QStringLiteral(
        "\nCONN is a libpq keyword string, a postgres:// URI, service=name, or @profile.\n"
        "Run `pgdeck COMMAND --help` for a command's options. Logs: $XDG_STATE_HOME/pgdeck/pgdeck.log\n");
    app::out(text);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("pgdeck"));
    QCoreApplication::setApplicationName(QStringLiteral("pgdeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PGDECK_VERSION));

    if (argc >= 2 && (std::strcmp(argv[1], "--version") == 0 || std::strcmp(argv[1], "-v") == 0)) {
        app::out(QStringLiteral("pgdeck %1").arg(QStringLiteral(PGDECK_VERSION)));
        return 0;
    }
    if (argc >= 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0 || std::strcmp(argv[1], "help") == 0)) {
        QCoreApplication app(argc, argv);
        printHelp();
        return 0;
    }
    if (argc >= 2 && argv[1][0] != '-') {
        for (const auto &c : app::commands()) {
            if (std::strcmp(argv[1], c.name) != 0)
                continue;
            QCoreApplication app(argc, argv);
            core::setupLogging(false, qEnvironmentVariable("PGDECK_LOG_LEVEL", QStringLiteral("info")).toStdString());
            QStringList args = QCoreApplication::arguments().mid(2);
            return c.run(args);
        }
        QCoreApplication app(argc, argv);
        app::err(QStringLiteral("pgdeck: unknown command '%1' (see pgdeck --help)").arg(QString::fromLocal8Bit(argv[1])));
        return app::ExitUsage;
    }
    return app::runGui(argc, argv);
}
