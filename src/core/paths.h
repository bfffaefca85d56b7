#pragma once

#include <QString>

namespace pgdeck::core {

// XDG locations pgdeck writes to; each is created on first use.
struct Paths
{
    static QString dataDir();   // $XDG_DATA_HOME/pgdeck   (sandbox, workspace store)
    static QString stateDir();  // $XDG_STATE_HOME/pgdeck  (logs)
    static QString configDir(); // $XDG_CONFIG_HOME/pgdeck (settings, profiles without secrets)
};

} // namespace pgdeck::core
