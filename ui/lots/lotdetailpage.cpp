#include "ui/lots/lotdetailpage.h"

#include "ui/lots/lotstatusdelegate.h"

#include "app/core/consolecore.h"
#include "app/models/lotdetailloader.h"
#include "app/models/serverlotsmodel.h"
#include "app/trace/recallmodel.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace flowviz::ui {

namespace {

const QStringList kFields{
    QStringLiteral("lot_code"),  QStringLiteral("lot_type"),       QStringLiteral("status"),
    QStringLiteral("weight_kg"), QStringLiteral("temperature_c"),  QStringLiteral("run_code"),
    QStringLiteral("operator"),  QStringLiteral("workstation_id"), QStringLiteral("created_at")};

constexpr int kStatusRole = Qt::UserRole + 1;

QString timeText(const QJsonValue &v)
{
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString textOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    return {};
}

QTableWidget *makeTable(QWidget *parent)
{
    auto *t = new QTableWidget(parent);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->verticalHeader()->setDefaultSectionSize(44);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setItemDelegate(new LotStatusDelegate(kStatusRole, t));
    return t;
}

} // namespace

LotDetailPage::LotDetailPage(app::ConsoleCore *core, QWidget *parent)
    : LotDetailPage(core ? core->api() : nullptr, parent)
{}

LotDetailPage::LotDetailPage(app::ApiClient *api, QWidget *parent)
    : QWidget(parent), m_loader(new app::LotDetailLoader(api, this))
{
    build();
    retranslate();
    connect(m_loader, &app::LotDetailLoader::loaded, this, &LotDetailPage::showLoaded);
    connect(m_loader, &app::LotDetailLoader::failed, this,
            [this](const QString &, const QString &message) { showFailed(message); });
}

void LotDetailPage::build()
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_back = new QPushButton(this);
    m_back->setMinimumHeight(44);
    connect(m_back, &QPushButton::clicked, this, &LotDetailPage::backRequested);
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    m_title->setFont(f);
    top->addWidget(m_back);
    top->addWidget(m_title, 1);
    layout->addLayout(top);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    m_form = new QFormLayout;
    for (const QString &field : kFields) {
        auto *caption = new QLabel(this);
        auto *value = new QLabel(this);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_captions.insert(field, caption);
        m_values.insert(field, value);
        m_form->addRow(caption, value);
    }
    layout->addLayout(m_form);

    m_historyLabel = new QLabel(this);
    m_history = makeTable(this);
    m_history->setColumnCount(6);
    layout->addWidget(m_historyLabel);
    layout->addWidget(m_history, 1);

    auto *genealogy = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    auto *right = new QVBoxLayout;
    m_parentsLabel = new QLabel(this);
    m_childrenLabel = new QLabel(this);
    m_parents = makeTable(this);
    m_children = makeTable(this);
    for (QTableWidget *t : {m_parents, m_children}) {
        t->setColumnCount(4);
        const auto open = [this, t](int row) {
            if (const QTableWidgetItem *item = t->item(row, 0))
                showLot(item->text());
        };
        connect(t, &QTableWidget::cellDoubleClicked, this, [open](int row, int) { open(row); });
        connect(t, &QTableWidget::cellActivated, this, [open](int row, int) { open(row); });
    }
    left->addWidget(m_parentsLabel);
    left->addWidget(m_parents);
    right->addWidget(m_childrenLabel);
    right->addWidget(m_children);
    genealogy->addLayout(left);
    genealogy->addLayout(right);
    layout->addLayout(genealogy, 1);
}

void LotDetailPage::retranslate()
{
    m_back->setText(tr("← Back to the list"));
    const QHash<QString, QString> captions{
        {QStringLiteral("lot_code"), tr("Lot code:")},
        {QStringLiteral("lot_type"), tr("Type:")},
        {QStringLiteral("status"), tr("Status:")},
        {QStringLiteral("weight_kg"), tr("Weight (kg):")},
        {QStringLiteral("temperature_c"), tr("Temperature (°C):")},
        {QStringLiteral("run_code"), tr("Production run:")},
        {QStringLiteral("operator"), tr("Registered by:")},
        {QStringLiteral("workstation_id"), tr("Workstation:")},
        {QStringLiteral("created_at"), tr("Created:")}};
    for (auto it = captions.cbegin(); it != captions.cend(); ++it)
        m_captions.value(it.key())->setText(it.value());
    m_historyLabel->setText(tr("QC history"));
    m_parentsLabel->setText(tr("Made from (parents)"));
    m_childrenLabel->setText(tr("Used in (children)"));
    m_history->setHorizontalHeaderLabels({tr("Decided at"), tr("Gate"), tr("Decision"), tr("Notes"),
                                          tr("Temperature (°C)"), tr("Decided by")});
    for (QTableWidget *t : {m_parents, m_children})
        t->setHorizontalHeaderLabels(
            {tr("Lot code"), tr("Type"), tr("Status"), tr("Quantity (kg)")});
    if (!m_loader->lot().isEmpty())
        showLoaded();
}

void LotDetailPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString LotDetailPage::code() const
{
    return m_loader->code();
}

QString LotDetailPage::fieldText(const QString &field) const
{
    const QLabel *l = m_values.value(field);
    return l ? l->text() : QString();
}

void LotDetailPage::showLot(const QString &code)
{
    const QString c = code.trimmed().toUpper();
    if (c.isEmpty())
        return;
    m_title->setText(c);
    m_message->setText(tr("Loading lot %1…").arg(c));
    for (QLabel *l : std::as_const(m_values))
        l->clear();
    m_history->setRowCount(0);
    m_parents->setRowCount(0);
    m_children->setRowCount(0);
    m_loader->load(c);
}

void LotDetailPage::showFailed(const QString &message)
{
    m_message->setText(tr("Lot %1 could not be shown. %2").arg(m_loader->code(), message));
}

void LotDetailPage::showLoaded()
{
    const QJsonObject lot = m_loader->lot();
    m_message->clear();
    m_title->setText(lot.value(QStringLiteral("lot_code")).toString());
    for (const QString &field : kFields) {
        const QJsonValue v = lot.value(field);
        QString text = textOf(v);
        if (field == QLatin1String("lot_type")) {
            if (const auto t = lotTypeFromString(text))
                text = QStringLiteral("%1 (%2)").arg(app::ServerLotsModel::typeLabel(*t), text);
        } else if (field == QLatin1String("status")) {
            if (const auto s = lotStatusFromString(text))
                text = app::ServerLotsModel::statusLabel(*s);
        } else if (field == QLatin1String("created_at")) {
            text = timeText(v);
        }
        m_values.value(field)->setText(text.isEmpty() ? tr("—") : text);
    }

    const QJsonArray decisions = m_loader->decisions();
    m_history->setRowCount(int(decisions.size()));
    for (int row = 0; row < decisions.size(); ++row) {
        const QJsonObject d = decisions.at(row).toObject();
        const QString decision = d.value(QStringLiteral("decision")).toString();
        QString label = decision;
        if (const auto dec = decisionFromString(decision))
            label = app::RecallModel::decisionLabel(*dec);
        const QStringList cells{timeText(d.value(QStringLiteral("decided_at"))),
                                QString::number(d.value(QStringLiteral("gate_number")).toInt()),
                                label,
                                d.value(QStringLiteral("notes")).toString(),
                                textOf(d.value(QStringLiteral("temperature_c"))),
                                d.value(QStringLiteral("operator_name")).toString().isEmpty()
                                    ? d.value(QStringLiteral("operator")).toString()
                                    : d.value(QStringLiteral("operator_name")).toString()};
        for (int c = 0; c < cells.size(); ++c)
            m_history->setItem(row, c, new QTableWidgetItem(cells.at(c)));
    }

    const auto fill = [](QTableWidget *t, const QJsonArray &lots) {
        t->setRowCount(int(lots.size()));
        for (int row = 0; row < lots.size(); ++row) {
            const QJsonObject l = lots.at(row).toObject();
            const QString status = l.value(QStringLiteral("status")).toString();
            const auto s = lotStatusFromString(status);
            const QStringList cells{l.value(QStringLiteral("lot_code")).toString(),
                                    l.value(QStringLiteral("lot_type")).toString(),
                                    s ? app::ServerLotsModel::statusLabel(*s) : status,
                                    textOf(l.value(QStringLiteral("quantity_used_kg")))};
            for (int c = 0; c < cells.size(); ++c) {
                auto *item = new QTableWidgetItem(cells.at(c));
                item->setData(kStatusRole, status);
                t->setItem(row, c, item);
            }
        }
    };
    fill(m_parents, lot.value(QStringLiteral("parents")).toArray());
    fill(m_children, lot.value(QStringLiteral("children")).toArray());
}

} // namespace flowviz::ui
