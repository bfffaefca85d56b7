#include "connectdialog.h"

#include "core/logging.h"
#include "pg/profileparams.h"
#include "pg/replicadiscovery.h"
#include "pg/servicefile.h"
#include "pg/session.h"
#include "secrets/keychain.h"
#include "ui_connectdialog.h"

#include <QColorDialog>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QHeaderView>
#include <QPushButton>
#include <QRegularExpression>

#include <algorithm>
#include <memory>

namespace pgdeck::ui {

namespace {

enum Column { ColName, ColHost, ColPort, ColRole, ColDetected, ColNote, ColCount };

// Keywords the Server, TLS and Options tabs show in fields of their own.
bool hasOwnField(const QByteArray &k)
{
    static const QSet<QByteArray> own{"host",        "hostaddr", "port",    "dbname",           "user",
                                      "password",    "service",  "sslmode", "sslrootcert",      "sslcert",
                                      "sslkey",      "connect_timeout",     "application_name", "target_session_attrs"};
    return own.contains(k);
}

QString escaped(const QString &s)
{
    return s.toHtmlEscaped();
}

QString suggestedName(const QString &from)
{
    QString n = from;
    n.replace(QRegularExpression(QStringLiteral(R"([^\p{L}\p{N}_.\-]+)")), QStringLiteral("-"));
    while (n.startsWith(QLatin1Char('-')) || n.startsWith(QLatin1Char('.')))
        n.remove(0, 1);
    return n.left(60);
}

const char *const kSslModes[] = {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"};

} // namespace

ConnectDialog::ConnectDialog(QWidget *parent) : QDialog(parent), m_ui(std::make_unique<Ui::ConnectDialog>())
{
    m_ui->setupUi(this);
    for (const char *m : kSslModes)
        m_ui->sslMode->addItem(QString::fromLatin1(m));
    m_ui->sslMode->setCurrentText(QStringLiteral("prefer"));

    auto *save = m_ui->buttonBox->addButton(tr("&Save && connect"), QDialogButtonBox::AcceptRole);
    save->setDefault(true);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_rows.append(Row{});
    setupTable();

    connect(m_ui->parseButton, &QPushButton::clicked, this, [this]() { applyConnString(m_ui->pasteEdit->text()); });
    connect(m_ui->pasteEdit, &QLineEdit::returnPressed, this, [this]() { applyConnString(m_ui->pasteEdit->text()); });
    // A paste (many characters at once) fills the fields at once; typing waits for
    // Enter or "Fill in", so half-typed strings do not churn the fields.
    connect(m_ui->pasteEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        const bool pasted = text.size() - m_pasteLength > 3;
        m_pasteLength = int(text.size());
        if (pasted && (text.contains(QLatin1Char('=')) || text.contains(QLatin1String("://"))))
            applyConnString(text);
    });
    for (QLineEdit *e : {m_ui->host, m_ui->database, m_ui->user})
        connect(e, &QLineEdit::textChanged, this, &ConnectDialog::syncFieldsToRowZero);
    connect(m_ui->port, &QSpinBox::valueChanged, this, &ConnectDialog::syncFieldsToRowZero);
    connect(m_ui->sslMode, &QComboBox::currentTextChanged, this, &ConnectDialog::updateSslNote);
    connect(m_ui->readOnly, &QCheckBox::toggled, this, &ConnectDialog::updateColourPreview);
    connect(m_ui->production, &QCheckBox::toggled, this, &ConnectDialog::updateColourPreview);
    connect(m_ui->colourButton, &QPushButton::clicked, this, [this]() {
        if (!m_colourDialog) {
            m_colourDialog = new QColorDialog(this);
            connect(m_colourDialog, &QColorDialog::colorSelected, this, [this](const QColor &c) {
                m_colour = c.name();
                updateColourPreview();
            });
        }
        m_colourDialog->setCurrentColor(QColor(m_colour.isEmpty() ? profile().bandColour() : m_colour));
        m_colourDialog->open(); // not exec(): no nested event loop
    });
    connect(m_ui->rootCertBrowse, &QToolButton::clicked, this, [this]() { browseFile(m_ui->rootCert, tr("Root certificate")); });
    connect(m_ui->clientCertBrowse, &QToolButton::clicked, this, [this]() { browseFile(m_ui->clientCert, tr("Client certificate")); });
    connect(m_ui->clientKeyBrowse, &QToolButton::clicked, this, [this]() { browseFile(m_ui->clientKey, tr("Client key")); });
    connect(m_ui->testButton, &QPushButton::clicked, this, &ConnectDialog::testConnection);
    connect(m_ui->discoverButton, &QPushButton::clicked, this, &ConnectDialog::discoverReplicas);
    connect(m_ui->addServerButton, &QPushButton::clicked, this, [this]() {
        Row r;
        r.host = m_lastUnreachableHost.isEmpty() ? m_rows.first().host : m_lastUnreachableHost;
        r.port = 5432;
        r.declared = core::ProfileServer::Role::Replica;
        r.note = tr("added by hand");
        m_rows.append(r);
        refreshTable();
        m_ui->serversTable->setCurrentCell(int(m_rows.size()) - 1, ColHost);
        m_ui->serversTable->editItem(m_ui->serversTable->item(int(m_rows.size()) - 1, ColHost));
    });
    connect(m_ui->removeServerButton, &QPushButton::clicked, this, [this]() {
        const int row = m_ui->serversTable->currentRow();
        if (row <= 0 || row >= m_rows.size())
            return; // the first server is the one the Server tab edits
        m_rows.removeAt(row);
        m_poolRow = 0;
        refreshTable();
        loadPoolBox(0);
    });
    connect(m_ui->useHintButton, &QPushButton::clicked, this, [this]() {
        const int cores = pg::knownCoreCount(paramsForRow(m_poolRow, false));
        if (cores > 0)
            m_ui->poolMax->setValue(core::poolSizeHint(cores));
    });
    connect(m_ui->host, &QLineEdit::textChanged, this, &ConnectDialog::updatePoolHint);

    // Wrapped notes take the whole row instead of a narrow guess.
    for (QLabel *note : {m_ui->parseNote, m_ui->keychainNote, m_ui->sslModeNote, m_ui->poolHint, m_ui->discoveryNote})
        note->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    updateSslNote();
    updateColourPreview();
    updateKeychainNote();
    loadPoolBox(0);
    m_ui->removeServerButton->setEnabled(false);
    resize(760, 640);
}

ConnectDialog::~ConnectDialog() = default;

void ConnectDialog::setKeychain(secrets::Keychain *keychain)
{
    m_keychain = keychain;
    if (keychain)
        connect(keychain, &secrets::Keychain::availabilityChanged, this, &ConnectDialog::updateKeychainNote);
    updateKeychainNote();
}

void ConnectDialog::updateKeychainNote()
{
    const bool none = m_keychain && m_keychain->availability() == secrets::Keychain::Availability::Unavailable;
    m_ui->savePassword->setEnabled(!none && m_keychain);
    if (none) {
        m_ui->savePassword->setChecked(false);
        m_ui->keychainNote->setText(tr("No keychain answered (%1). The password is kept in memory for this session only; "
                                       "~/.pgpass works as usual.")
                                        .arg(escaped(m_keychain->unavailableReason())));
    } else if (!m_keychain) {
        m_ui->keychainNote->setText(tr("The keychain is not in use here; the password is kept for this session only."));
    } else {
        m_ui->keychainNote->setText(tr("Without it, pgdeck asks once per session (or libpq reads ~/.pgpass)."));
    }
}

void ConnectDialog::setupTable()
{
    QTableWidget *t = m_ui->serversTable;
    t->setColumnCount(ColCount);
    t->setHorizontalHeaderLabels({tr("Name"), tr("Host"), tr("Port"), tr("Declared role"), tr("Detected"), tr("Note")});
    t->horizontalHeader()->setSectionResizeMode(ColName, QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(ColHost, QHeaderView::Interactive);
    t->horizontalHeader()->resizeSection(ColHost, 150);
    t->horizontalHeader()->setSectionResizeMode(ColPort, QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(ColRole, QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(ColDetected, QHeaderView::ResizeToContents);
    connect(t, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (!m_syncing)
            readTableRow(item->row());
    });
    connect(t, &QTableWidget::currentCellChanged, this, [this](int row) {
        m_ui->removeServerButton->setEnabled(row > 0);
        if (row >= 0 && row < m_rows.size() && row != m_poolRow) {
            storePoolBox();
            loadPoolBox(row);
        }
    });
    refreshTable();
}

void ConnectDialog::refreshTable()
{
    m_syncing = true;
    QTableWidget *t = m_ui->serversTable;
    t->setRowCount(int(m_rows.size()));
    for (int r = 0; r < m_rows.size(); ++r) {
        const Row &row = m_rows[r];
        auto set = [&](int col, const QString &text, bool editable) {
            auto *item = t->item(r, col);
            if (!item) {
                item = new QTableWidgetItem;
                t->setItem(r, col, item);
            }
            item->setText(text);
            Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
            // The first server's address is edited on the Server tab.
            if (editable && !(r == 0 && (col == ColHost || col == ColPort)))
                f |= Qt::ItemIsEditable;
            item->setFlags(f);
        };
        const QString label = pg::serverLabel(paramsForRow(r, false));
        set(ColName, row.name.isEmpty() ? label : row.name, true);
        set(ColHost, row.host.isEmpty() ? tr("(local socket)") : row.host, true);
        set(ColPort, QString::number(row.port), true);
        set(ColDetected, row.detected, false);
        set(ColNote, row.note, false);
        t->item(r, ColNote)->setToolTip(row.note);
        auto *combo = qobject_cast<QComboBox *>(t->cellWidget(r, ColRole));
        if (!combo) {
            combo = new QComboBox(t);
            combo->addItem(tr("auto"), int(core::ProfileServer::Role::Auto));
            combo->addItem(tr("primary"), int(core::ProfileServer::Role::Primary));
            combo->addItem(tr("replica"), int(core::ProfileServer::Role::Replica));
            t->setCellWidget(r, ColRole, combo);
            connect(combo, &QComboBox::currentIndexChanged, this, [this, combo]() {
                for (int i = 0; i < m_rows.size(); ++i)
                    if (m_ui->serversTable->cellWidget(i, ColRole) == combo)
                        m_rows[i].declared = core::ProfileServer::Role(combo->currentData().toInt());
            });
        }
        combo->setCurrentIndex(combo->findData(int(row.declared)));
    }
    m_syncing = false;
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_ui->clusterTab),
                           m_rows.size() > 1 ? tr("C&luster (%1)").arg(m_rows.size()) : tr("C&luster"));
}

void ConnectDialog::readTableRow(int r)
{
    if (r < 0 || r >= m_rows.size())
        return;
    QTableWidget *t = m_ui->serversTable;
    Row &row = m_rows[r];
    row.name = t->item(r, ColName) ? t->item(r, ColName)->text().trimmed() : QString();
    if (r > 0) {
        const QString host = t->item(r, ColHost) ? t->item(r, ColHost)->text().trimmed() : QString();
        row.host = host == tr("(local socket)") ? QString() : host;
        const int port = t->item(r, ColPort) ? t->item(r, ColPort)->text().toInt() : 0;
        if (port > 0 && port < 65536)
            row.port = port;
    }
}

void ConnectDialog::syncFieldsToRowZero()
{
    if (m_syncing || m_rows.isEmpty())
        return;
    m_rows[0].host = m_ui->host->text().trimmed();
    m_rows[0].port = m_ui->port->value();
    refreshTable();
}

pg::ConnParams ConnectDialog::paramsForRow(int row, bool withPassword) const
{
    const core::Profile p = profile();
    pg::ConnParams params;
    if (row >= 0 && row < p.servers.size()) {
        auto r = pg::paramsFor(p, p.servers[row]);
        if (r.ok())
            params = *r;
    }
    if (withPassword && !password().isEmpty())
        params.set("password", password());
    return params;
}

bool ConnectDialog::applyConnString(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return false;
    auto parsed = pg::ConnParams::parse(trimmed);
    if (!parsed.ok()) {
        m_ui->parseNote->setText(QStringLiteral("<span style='color:#c62828'>%1</span>").arg(escaped(parsed.error().message)));
        return false;
    }
    pg::ConnParams params = *parsed;
    QStringList notes;
    const QString service = params.value("service");
    if (!service.isEmpty()) {
        auto entry = pg::ServiceFile::lookup(service);
        auto expanded = pg::ServiceFile::expand(params);
        if (!expanded.ok()) {
            m_ui->parseNote->setText(QStringLiteral("<span style='color:#c62828'>%1</span>").arg(escaped(expanded.error().message)));
            return false;
        }
        params = *expanded;
        notes << tr("service <b>%1</b> read from %2").arg(escaped(service), escaped(entry.ok() ? entry->file : QString()));
    }

    m_syncing = true;
    const QList<pg::ConnParams> hosts = params.splitHosts();
    m_rows.clear();
    for (const pg::ConnParams &h : hosts) {
        Row r;
        r.host = h.value("host").isEmpty() ? h.value("hostaddr") : h.value("host");
        r.port = h.ports().value(0, QStringLiteral("5432")).toInt();
        m_rows.append(r);
    }
    m_ui->host->setText(m_rows.first().host);
    m_ui->port->setValue(m_rows.first().port);
    m_ui->database->setText(params.value("dbname"));
    m_ui->user->setText(params.value("user"));
    if (params.has("password")) {
        m_ui->password->setText(params.value("password"));
        notes << tr("the password was taken into the password field (it is never written to the profile)");
    }
    m_ui->sslMode->setCurrentText(params.value("sslmode").isEmpty() ? QStringLiteral("prefer") : params.value("sslmode"));
    m_ui->rootCert->setText(params.value("sslrootcert"));
    m_ui->clientCert->setText(params.value("sslcert"));
    m_ui->clientKey->setText(params.value("sslkey"));
    if (params.has("connect_timeout"))
        m_ui->connectTimeout->setValue(qMax(1, params.value("connect_timeout").toInt()));
    m_ui->applicationName->setText(params.value("application_name"));
    pg::ConnParams extra;
    for (const auto &kv : params.pairs())
        if (!hasOwnField(kv.first))
            extra.set(kv.first, kv.second);
    m_ui->extraOptions->setText(extra.toConninfo(false));
    if (m_ui->profileName->text().isEmpty()) {
        const QString host = m_rows.first().host;
        static const QRegularExpression ip(QStringLiteral(R"(^[0-9.]+$|:)"));
        QString name;
        if (!service.isEmpty())
            name = service;
        else if (host.isEmpty() || host.startsWith(QLatin1Char('/')) || host == QLatin1String("localhost"))
            name = QStringLiteral("local-%1").arg(m_rows.first().port);
        else if (ip.match(host).hasMatch())
            name = QStringLiteral("%1-%2").arg(host).arg(m_rows.first().port);
        else
            name = host.section(QLatin1Char('.'), 0, 0);
        m_ui->profileName->setText(suggestedName(name));
    }
    m_syncing = false;
    refreshTable();
    loadPoolBox(0);
    updatePoolHint();

    QStringList servers;
    for (int i = 0; i < m_rows.size(); ++i)
        servers << escaped(pg::serverLabel(paramsForRow(i, false)));
    QString summary = hosts.size() > 1 ? tr("Parsed by libpq: a cluster of %1 servers (%2)").arg(hosts.size()).arg(servers.join(QStringLiteral(", ")))
                                       : tr("Parsed by libpq: %1").arg(servers.value(0));
    if (!params.value("dbname").isEmpty())
        summary += tr(", database %1").arg(escaped(params.value("dbname")));
    if (!params.value("user").isEmpty())
        summary += tr(", user %1").arg(escaped(params.value("user")));
    if (!notes.isEmpty())
        summary += QStringLiteral("; ") + notes.join(QStringLiteral("; "));
    m_ui->parseNote->setText(summary + QLatin1Char('.'));
    if (hosts.size() > 1)
        m_ui->tabs->setCurrentWidget(m_ui->clusterTab);
    return true;
}

void ConnectDialog::setPastedText(const QString &text)
{
    m_ui->pasteEdit->setText(text);
    m_pasteLength = int(text.size());
    applyConnString(text);
}

bool ConnectDialog::showTab(const QString &name)
{
    const QHash<QString, QWidget *> tabs{{QStringLiteral("server"), m_ui->serverTab},
                                         {QStringLiteral("cluster"), m_ui->clusterTab},
                                         {QStringLiteral("tls"), m_ui->tlsTab},
                                         {QStringLiteral("options"), m_ui->optionsTab}};
    if (!tabs.contains(name))
        return false;
    m_ui->tabs->setCurrentWidget(tabs.value(name));
    return true;
}

void ConnectDialog::setProfile(const core::Profile &p)
{
    m_syncing = true;
    m_ui->profileName->setText(p.name);
    m_ui->readOnly->setChecked(p.readOnly);
    m_ui->production->setChecked(p.production);
    m_colour = p.colour;
    m_comment = p.comment;
    m_ui->group->setText(p.group);
    m_ui->connectTimeout->setValue(p.connectTimeoutSec > 0 ? p.connectTimeoutSec : 10);
    m_ui->sslMode->setCurrentText(p.sslMode.isEmpty() ? QStringLiteral("prefer") : p.sslMode);
    m_ui->rootCert->setText(p.sslRootCert);
    m_ui->clientCert->setText(p.sslCert);
    m_ui->clientKey->setText(p.sslKey);
    m_ui->applicationName->setText(p.applicationName);
    m_ui->extraOptions->setText(p.extraOptions);
    m_ui->savePassword->setChecked(p.savePassword);
    m_rows.clear();
    for (const core::ProfileServer &s : p.servers) {
        const auto params = pg::ConnParams::parse(s.conninfo);
        Row r;
        r.name = s.name;
        r.declared = s.declaredRole;
        r.note = s.note;
        r.pool = s.pool;
        if (params.ok()) {
            r.host = params->value("host");
            r.port = params->ports().value(0, QStringLiteral("5432")).toInt();
            if (m_rows.isEmpty()) {
                m_ui->database->setText(params->value("dbname"));
                m_ui->user->setText(params->value("user"));
            }
        }
        m_rows.append(r);
    }
    if (m_rows.isEmpty())
        m_rows.append(Row{});
    m_ui->host->setText(m_rows.first().host);
    m_ui->port->setValue(m_rows.first().port);
    m_syncing = false;
    refreshTable();
    loadPoolBox(0);
    updateColourPreview();
    updatePoolHint();
}

core::Profile ConnectDialog::profile() const
{
    core::Profile p;
    p.name = m_ui->profileName->text().trimmed();
    p.group = m_ui->group->text().trimmed();
    p.readOnly = m_ui->readOnly->isChecked();
    p.production = m_ui->production->isChecked();
    p.colour = m_colour;
    p.comment = m_comment;
    p.connectTimeoutSec = m_ui->connectTimeout->value();
    p.sslMode = m_ui->sslMode->currentText() == QLatin1String("prefer") ? QString() : m_ui->sslMode->currentText();
    p.sslRootCert = m_ui->rootCert->text().trimmed();
    p.sslCert = m_ui->clientCert->text().trimmed();
    p.sslKey = m_ui->clientKey->text().trimmed();
    p.applicationName = m_ui->applicationName->text().trimmed();
    p.extraOptions = core::stripPasswords(m_ui->extraOptions->text().trimmed());
    p.savePassword = m_ui->savePassword->isChecked() && !m_ui->password->text().isEmpty();
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows[i];
        pg::ConnParams c;
        // The Server tab's database and user apply to every server of the cluster.
        c.set("host", i == 0 ? m_ui->host->text().trimmed() : r.host);
        c.set("port", QString::number(i == 0 ? m_ui->port->value() : r.port));
        c.set("dbname", m_ui->database->text().trimmed());
        c.set("user", m_ui->user->text().trimmed());
        core::ProfileServer s;
        s.conninfo = c.toConninfo(false);
        s.name = r.name.isEmpty() ? pg::serverLabel(c) : r.name;
        s.declaredRole = r.declared;
        s.note = r.note;
        s.pool = r.pool;
        if (i == m_poolRow) {
            s.pool.max = m_ui->poolMax->value();
            s.pool.min = qMin(m_ui->poolMin->value(), m_ui->poolMax->value());
            s.pool.idleTimeoutMs = m_ui->idleTimeout->value() * 1000;
            s.pool.connectionTimeoutMs = m_ui->acquireTimeout->value() * 1000;
            s.pool.statementTimeoutMs = m_ui->statementTimeout->value() * 1000;
        }
        p.servers.append(s);
    }
    return p;
}

QString ConnectDialog::password() const
{
    return m_ui->password->text();
}

bool ConnectDialog::savePasswordInKeychain() const
{
    return m_ui->savePassword->isEnabled() && m_ui->savePassword->isChecked();
}

QString ConnectDialog::testResultText() const
{
    return m_ui->testResult->text();
}

QString ConnectDialog::parseNoteText() const
{
    return m_ui->parseNote->text();
}

void ConnectDialog::loadPoolBox(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_poolRow = row;
    const core::PoolSettings &s = m_rows[row].pool;
    m_ui->poolMax->setValue(s.max);
    m_ui->poolMin->setValue(s.min);
    m_ui->idleTimeout->setValue(s.idleTimeoutMs / 1000);
    m_ui->acquireTimeout->setValue(qMax(1, s.connectionTimeoutMs / 1000));
    m_ui->statementTimeout->setValue(s.statementTimeoutMs / 1000);
    const QString label = pg::serverLabel(paramsForRow(row, false));
    m_ui->poolBox->setTitle(tr("Connection pool of %1").arg(m_rows[row].name.isEmpty() ? label : m_rows[row].name));
    updatePoolHint();
}

void ConnectDialog::storePoolBox()
{
    if (m_poolRow < 0 || m_poolRow >= m_rows.size())
        return;
    core::PoolSettings &s = m_rows[m_poolRow].pool;
    s.max = m_ui->poolMax->value();
    s.min = qMin(m_ui->poolMin->value(), s.max);
    s.idleTimeoutMs = m_ui->idleTimeout->value() * 1000;
    s.connectionTimeoutMs = m_ui->acquireTimeout->value() * 1000;
    s.statementTimeoutMs = m_ui->statementTimeout->value() * 1000;
}

void ConnectDialog::updatePoolHint()
{
    const int cores = pg::knownCoreCount(paramsForRow(m_poolRow, false));
    if (cores > 0) {
        const int hint = core::poolSizeHint(cores);
        m_ui->poolHint->setText(tr("Hint: (%1 cores × 2 + 1 spindle) × 1.5 = <b>%2</b> sessions — this server runs on this "
                                   "machine, so its core count is known.")
                                    .arg(cores)
                                    .arg(hint));
        m_ui->useHintButton->setEnabled(true);
    } else {
        m_ui->poolHint->setText(tr("Hint: %1 sessions. This server's core count is not known from here: count its cores "
                                   "(nproc) and disks (spindles; an SSD counts as 1).")
                                    .arg(core::poolSizeFormula()));
        m_ui->useHintButton->setEnabled(false);
    }
}

void ConnectDialog::updateSslNote()
{
    const QString mode = m_ui->sslMode->currentText();
    QString note;
    if (mode == QLatin1String("disable"))
        note = tr("Never TLS: passwords and data cross the network in clear.");
    else if (mode == QLatin1String("allow") || mode == QLatin1String("prefer"))
        note = tr("TLS when the server offers it, without checking who the server is.");
    else if (mode == QLatin1String("require"))
        note = tr("TLS or no connection; the server's certificate is not checked (unless a root certificate file exists).");
    else if (mode == QLatin1String("verify-ca"))
        note = tr("TLS, and the server's certificate must be signed by the root certificate.");
    else
        note = tr("TLS, a certificate signed by the root certificate, and the host name must match it: the safe choice.");
    m_ui->sslModeNote->setText(note);
    const bool verifying = mode.startsWith(QLatin1String("verify"));
    m_ui->rootCertLabel->setText(verifying ? tr("R&oot certificate (needed):") : tr("R&oot certificate:"));
}

void ConnectDialog::updateColourPreview()
{
    const core::Profile p = profile();
    const QString colour = p.bandColour();
    if (colour.isEmpty()) {
        m_ui->colourPreview->setText(tr("no band"));
        m_ui->colourPreview->setStyleSheet(QString());
        return;
    }
    m_ui->colourPreview->setText(p.mark().isEmpty() ? p.name : p.mark());
    m_ui->colourPreview->setAlignment(Qt::AlignCenter);
    const QColor c(colour);
    const QString fg = c.lightness() > 150 ? QStringLiteral("#000000") : QStringLiteral("#ffffff");
    m_ui->colourPreview->setStyleSheet(
        QStringLiteral("QLabel { background:%1; color:%2; font-weight:bold; border-radius:3px; padding:2px 8px; }").arg(colour, fg));
}

void ConnectDialog::browseFile(QLineEdit *target, const QString &title)
{
    auto *fd = new QFileDialog(this, title);
    fd->setAttribute(Qt::WA_DeleteOnClose);
    fd->setFileMode(QFileDialog::ExistingFile);
    const QString current = target->text();
    fd->setDirectory(current.isEmpty() ? QDir::homePath() + QStringLiteral("/.postgresql") : QFileInfo(current).absolutePath());
    connect(fd, &QFileDialog::fileSelected, target, &QLineEdit::setText);
    fd->open(); // not exec(): no nested event loop
}

void ConnectDialog::setTestResult(const QString &html, bool ok)
{
    m_ui->testResult->setText(html);
    m_lastTestOk = ok;
}

void ConnectDialog::testConnection()
{
    storePoolBox();
    delete m_test;
    const int row = qBound(0, m_ui->serversTable->currentRow(), int(m_rows.size()) - 1);
    const pg::ConnParams params = paramsForRow(row, true);
    const QString endpoint = pg::serverLabel(params);
    auto *s = new pg::Session(this);
    m_test = s;
    m_ui->testButton->setEnabled(false);
    setTestResult(tr("Connecting to %1…").arg(escaped(endpoint)), false);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto fail = [this, s](const core::Error &e) {
        QString html = QStringLiteral("<span style='color:#c62828'><b>%1</b></span>").arg(escaped(e.message));
        if (!e.detail.isEmpty())
            html += QStringLiteral("<br><small>libpq: %1</small>").arg(escaped(e.detail));
        if (!e.hint.isEmpty())
            html += QStringLiteral("<br><small>%1</small>").arg(escaped(e.hint));
        setTestResult(html, false);
        m_ui->testButton->setEnabled(true);
        s->deleteLater();
        Q_EMIT testFinished(false);
    };
    connect(s, &pg::Session::connectFailed, this, fail);
    connect(s, &pg::Session::connected, this, [this, s, row, fail]() {
        const qint64 connectMs = s->connectElapsedUs() / 1000;
        s->exec(QStringLiteral("SELECT current_setting('server_version'), pg_is_in_recovery(), "
                               "(SELECT coalesce(version, '') || ' ' || coalesce(cipher, '') FROM pg_stat_ssl "
                               " WHERE pid = pg_backend_pid() AND ssl)"),
                [this, s, row, connectMs, fail](core::Result<pg::QueryResult> r) {
                    if (!r.ok()) {
                        fail(r.error());
                        return;
                    }
                    const QString version = r->last().text(0, 0);
                    const bool replica = r->last().toBool(0, 1);
                    const QString tls = r->last().text(0, 2).trimmed();
                    // Latency: the best of three round trips, as ping does it.
                    auto samples = std::make_shared<QList<qint64>>();
                    auto round = std::make_shared<std::function<void()>>();
                    *round = [this, s, row, connectMs, version, replica, tls, samples, round, fail]() {
                        s->exec(QStringLiteral("SELECT 1"), [=, this](core::Result<pg::QueryResult> one) {
                            if (!one.ok()) {
                                *round = nullptr;
                                fail(one.error());
                                return;
                            }
                            samples->append(one->elapsedUs);
                            if (samples->size() < 3) {
                                (*round)();
                                return;
                            }
                            const qint64 best = *std::min_element(samples->begin(), samples->end());
                            const QString role = replica ? tr("replica") : tr("primary");
                            const QString tlsText = s->usesTls()
                                                        ? tr("TLS: %1").arg(escaped(tls.isEmpty() ? tr("on") : tls))
                                                        : tr("no TLS (the connection is not encrypted)");
                            setTestResult(tr("<span style='color:#2e7d32'><b>Connected</b></span> — PostgreSQL %1 · <b>%2</b> · "
                                             "round trip %3 ms · connect %4 ms · %5")
                                              .arg(escaped(version), role)
                                              .arg(best / 1000.0, 0, 'f', 2)
                                              .arg(connectMs)
                                              .arg(tlsText),
                                          true);
                            if (row < m_rows.size()) {
                                m_rows[row].detected = role;
                                refreshTable();
                            }
                            m_ui->testButton->setEnabled(true);
                            *round = nullptr; // break the self-reference
                            s->deleteLater();
                            Q_EMIT testFinished(true);
                        });
                    };
                    (*round)();
                });
    });
    s->connectToServer(params, m_ui->connectTimeout->value() * 1000);
    // The cluster's other servers: is each up, and in which role?
    for (const auto &probe : std::as_const(m_roleProbes))
        delete probe;
    m_roleProbes.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        if (i != row)
            probeRole(i);
}

void ConnectDialog::probeRole(int row)
{
    auto *s = new pg::Session(this);
    m_roleProbes << s;
    m_rows[row].detected = tr("checking…");
    refreshTable();
    connect(s, &pg::Session::connectFailed, this, [this, s, row](const core::Error &e) {
        if (row < m_rows.size()) {
            m_rows[row].detected = tr("unreachable");
            m_rows[row].note = e.message;
            refreshTable();
        }
        s->deleteLater();
    });
    connect(s, &pg::Session::connected, this, [this, s, row]() {
        s->exec(QStringLiteral("SELECT pg_is_in_recovery()"), [this, s, row](core::Result<pg::QueryResult> r) {
            if (row < m_rows.size()) {
                m_rows[row].detected = !r.ok() ? tr("error") : r->last().toBool(0, 0) ? tr("replica") : tr("primary");
                if (!r.ok())
                    m_rows[row].note = r.error().message;
                refreshTable();
            }
            s->deleteLater();
        });
    });
    s->connectToServer(paramsForRow(row, true), m_ui->connectTimeout->value() * 1000);
}

void ConnectDialog::discoverReplicas()
{
    delete m_discovery;
    const pg::ConnParams primary = paramsForRow(0, true);
    auto *d = new pg::ReplicaDiscovery(primary, this);
    m_discovery = d;
    QList<int> ports;
    for (const Row &r : m_rows)
        ports << r.port;
    d->setCandidatePorts(ports);
    m_ui->discoverButton->setEnabled(false);
    m_ui->discoveryNote->setText(tr("Asking %1 for its replicas…").arg(escaped(pg::serverLabel(primary))));
    d->start([this, d](core::Result<QList<pg::DiscoveredReplica>> r) {
        m_ui->discoverButton->setEnabled(true);
        d->deleteLater();
        if (!r.ok()) {
            m_ui->discoveryNote->setText(QStringLiteral("<span style='color:#c62828'>%1</span>").arg(escaped(r.error().message)));
            Q_EMIT discoveryFinished(0);
            return;
        }
        int added = 0;
        QStringList lines;
        for (const pg::DiscoveredReplica &rep : *r) {
            const QString who = rep.applicationName.isEmpty() ? tr("a replica") : rep.applicationName;
            if (!rep.reachable) {
                m_lastUnreachableHost = rep.clientAddr;
                lines << QStringLiteral("<span style='color:#b26a00'>⚠ %1: %2</span>").arg(escaped(who), escaped(rep.note));
                continue;
            }
            const bool known = std::any_of(m_rows.begin(), m_rows.end(), [&](const Row &row) {
                return row.port == rep.port && (row.host == rep.host || (pg::isLocalHost(row.host) && pg::isLocalHost(rep.host)));
            });
            lines << tr("✔ %1 at %2:%3 (%4, %5)%6")
                         .arg(escaped(who), escaped(rep.host))
                         .arg(rep.port)
                         .arg(escaped(rep.state), escaped(rep.syncState), known ? tr(" — already in this profile") : QString());
            if (known)
                continue;
            Row row;
            row.name = rep.applicationName;
            row.host = rep.host;
            row.port = rep.port;
            row.declared = core::ProfileServer::Role::Replica;
            row.detected = tr("replica");
            row.note = rep.note;
            m_rows.append(row);
            ++added;
        }
        if (r->isEmpty())
            lines << tr("The primary lists no replica in pg_stat_replication.");
        m_ui->discoveryNote->setText(lines.join(QStringLiteral("<br>")));
        refreshTable();
        Q_EMIT discoveryFinished(added);
    });
}

void ConnectDialog::done(int result)
{
    if (result == QDialog::Accepted) {
        storePoolBox();
        const core::Profile p = profile();
        if (!core::isValidProfileName(p.name)) {
            m_ui->tabs->setCurrentWidget(m_ui->serverTab);
            m_ui->profileName->setFocus();
            setTestResult(QStringLiteral("<span style='color:#c62828'>%1</span>")
                              .arg(tr("Give the profile a name: letters, digits, '.', '_' or '-'.")),
                          false);
            return;
        }
    }
    delete m_test;
    delete m_discovery;
    for (const auto &probe : std::as_const(m_roleProbes))
        delete probe;
    QDialog::done(result);
}

} // namespace pgdeck::ui
