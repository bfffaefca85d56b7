#pragma once

#include <spdlog/logger.h>

#include <memory>
#include <string>

namespace pgdeck::core {

// Sets up spdlog: a rotating file under the XDG state dir (5 x 2 MiB) and, when
// `toStderr`, a stderr sink. Every message passes through redactSecrets().
// Returns the path of the log file.
std::string setupLogging(bool toStderr = false, const std::string &level = "info");

// A named logger per layer ("pg", "pool", "sandbox", "monitor", "ui", …).
std::shared_ptr<spdlog::logger> logger(const std::string &name);

} // namespace pgdeck::core
