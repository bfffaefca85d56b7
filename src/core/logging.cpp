#include "logging.h"

#include "paths.h"
#include "redact.h"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <mutex>
#include <vector>

namespace pgdeck::core {

namespace {

// Wraps the real sinks and redacts each formatted payload before it is written.
class RedactingSink final : public spdlog::sinks::base_sink<std::mutex>
{
public:
    explicit RedactingSink(std::vector<spdlog::sink_ptr> sinks) : m_sinks(std::move(sinks)) {}

protected:
    void sink_it_(const spdlog::details::log_msg &msg) override
    {
        const QString raw = QString::fromUtf8(msg.payload.data(), qsizetype(msg.payload.size()));
        const QByteArray clean = redactSecrets(raw).toUtf8();
        spdlog::details::log_msg copy = msg;
        copy.payload = spdlog::string_view_t(clean.constData(), size_t(clean.size()));
        for (auto &s : m_sinks)
            if (s->should_log(copy.level))
                s->log(copy);
    }
    void flush_() override
    {
        for (auto &s : m_sinks)
            s->flush();
    }

private:
    std::vector<spdlog::sink_ptr> m_sinks;
};

std::mutex g_mutex;
spdlog::sink_ptr g_sink;

spdlog::sink_ptr defaultSink()
{
    // Before setupLogging() (unit tests, early errors) log to stderr, still redacted.
    auto err = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    err->set_level(spdlog::level::warn);
    return std::make_shared<RedactingSink>(std::vector<spdlog::sink_ptr>{err});
}

} // namespace

std::string setupLogging(bool toStderr, const std::string &level)
{
    const std::string file = (Paths::stateDir() + QStringLiteral("/pgdeck.log")).toStdString();
    std::vector<spdlog::sink_ptr> sinks;
    sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file, 2 * 1024 * 1024, 5));
    if (toStderr)
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    std::lock_guard lock(g_mutex);
    g_sink = std::make_shared<RedactingSink>(std::move(sinks));
    g_sink->set_pattern("%Y-%m-%d %H:%M:%S.%e [%n] %l: %v");
    const auto lvl = spdlog::level::from_str(level);
    spdlog::apply_all([&](const std::shared_ptr<spdlog::logger> &l) {
        l->sinks() = {g_sink};
        l->set_level(lvl);
    });
    spdlog::set_level(lvl);
    spdlog::flush_every(std::chrono::seconds(2));
    return file;
}

std::shared_ptr<spdlog::logger> logger(const std::string &name)
{
    std::lock_guard lock(g_mutex);
    if (auto existing = spdlog::get(name))
        return existing;
    if (!g_sink)
        g_sink = defaultSink();
    auto l = std::make_shared<spdlog::logger>(name, g_sink);
    l->set_level(spdlog::get_level());
    l->flush_on(spdlog::level::warn);
    spdlog::register_logger(l);
    return l;
}

} // namespace pgdeck::core
