#pragma once

#include "explain/explainresult.h"
#include "explain/plan.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QTimer;

namespace Ui {
class PlansPanel;
}

namespace pgdeck::pg {
class ServerConnection;
}
namespace pgdeck::explain {
class ExplainRunner;
}
namespace pgdeck::models {
class PlanHotspotModel;
class PlanInsightModel;
class PlanPropertiesModel;
class PlanTreeModel;
} // namespace pgdeck::models

namespace pgdeck::ui {

class PlanGraphView;

// The "plans" tab: EXPLAIN a query on the current server (options this server
// supports, ANALYZE of DML rolled back, cancel), or read a plan pasted from anywhere;
// then the tree, the graph, the raw plan, insights, hotspots, node details, export,
// and compare with a pinned plan.
class PlansPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PlansPanel(QWidget *parent = nullptr);
    ~PlansPanel() override;

    void setServer(pg::ServerConnection *server);
    // EXPLAIN (or EXPLAIN ANALYZE) `sql` on the current server.
    void explainSql(const QString &sql, bool analyze);
    // Reads a TEXT or JSON plan (off the GUI thread for big ones).
    void loadPlanText(const QString &text);
    bool loadPlanFile(const QString &path);
    // "tree", "graph", "raw", "compare"
    bool showTab(const QString &name);
    void pin();
    void cancel();
    bool exportGraph(const QString &path, QString *error);

    std::shared_ptr<const explain::Plan> plan() const { return m_plan; }
    PlanGraphView *graphView() const;
    QString statusText() const;
    bool isRunning() const;

Q_SIGNALS:
    void planShown();
    void runFailed(const QString &message);

private:
    void run(bool analyze);
    void showPlan(std::shared_ptr<const explain::Plan> plan, const QString &raw, const QString &name);
    void showResult(const explain::ExplainResult &result);
    void selectNode(int node, QObject *from);
    void updateOptions();
    void setBusy(bool busy);
    void setStatus(const QString &text, bool warning = false);
    void updateCompare();
    void readPlanFromEditorOrClipboard();
    void openPlanFile();
    void exportWithDialog(const QString &suffix);

    std::unique_ptr<Ui::PlansPanel> m_ui;
    QPointer<pg::ServerConnection> m_server;
    explain::ExplainRunner *m_runner = nullptr;
    models::PlanTreeModel *m_tree = nullptr;
    models::PlanHotspotModel *m_hotspots = nullptr;
    models::PlanInsightModel *m_insights = nullptr;
    models::PlanPropertiesModel *m_properties = nullptr;
    std::shared_ptr<const explain::Plan> m_plan;
    QString m_planName;
    // The raw tab fills in slices for big plans, so the window keeps turning.
    void setRawText(const QString &raw);
    void fillRawSlice();
    QString m_rawPending;
    qsizetype m_rawPos = 0;
    QTimer *m_rawTimer = nullptr;
    std::shared_ptr<const explain::Plan> m_pinned;
    QString m_pinnedName;
    bool m_syncing = false;
    quint64 m_loadGeneration = 0;
};

} // namespace pgdeck::ui
