#include "ui/lots/lotdetailpage.h"

#include "ui/lots/lotstatusdelegate.h"

#include "app/core/domainlabels.h"
#include "app/models/lotdetailloader.h"

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

const QStringList kFields{QStringLiteral("lot_code"),       QStringLiteral("lot_type"),
                          QStringLiteral("status"),         QStringLiteral("weight_kg"),
                          QStringLiteral("temperature_c"),  QStringLiteral("run_code"),
                          QStringLiteral("receipt"),        QStringLiteral("operator"),
                          QStringLiteral("workstation_id"), QStringLiteral("created_at")};

constexpr int kStatusRole = Qt::UserRole + 1;

QString timeText(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString textOf(const std::optional<Decimal> &d)
{
    return d ? d->toString() : QString();
}

// "ACME (Acme Kft.), lot L-7, received 2026. 12. 06., expires …, 12 units, delivery note …,
// GTIN …": what a RAW lot's receipt says, on one line.
QString receiptText(const wire::LotReceipt &r)
{
    const QString supplier = r.supplierName
                                 ? LotDetailPage::tr("%1 (%2)").arg(r.supplierCode, *r.supplierName)
                                 : r.supplierCode;
    QStringList parts{supplier, LotDetailPage::tr("lot %1").arg(r.supplierLotCode),
                      LotDetailPage::tr("received %1")
                          .arg(QLocale().toString(r.receivedOn, QLocale::ShortFormat))};
    if (r.expiresOn)
        parts << LotDetailPage::tr("expires %1")
                     .arg(QLocale().toString(*r.expiresOn, QLocale::ShortFormat));
    if (r.units)
        parts << LotDetailPage::tr("%1 trade units").arg(*r.units);
    if (r.deliveryNote)
        parts << LotDetailPage::tr("delivery note %1").arg(*r.deliveryNote);
    if (r.gtin)
        parts << LotDetailPage::tr("GTIN %1").arg(*r.gtin);
    return parts.join(QStringLiteral(", "));
}

// The lot's value of one of kFields, as the page shows it.
QString lotFieldText(const wire::Lot &lot, const QString &field)
{
    if (field == u"receipt")
        return lot.receipt ? receiptText(*lot.receipt) : QString();
    if (field == u"lot_code")
        return lot.lotCode;
    if (field == u"lot_type")
        return QStringLiteral("%1 (%2)").arg(app::DomainLabels::lotType(lot.type),
                                             toString(lot.type));
    if (field == u"status")
        return app::DomainLabels::lotStatus(lot.status);
    if (field == u"weight_kg")
        return textOf(lot.weightKg);
    if (field == u"temperature_c")
        return textOf(lot.temperatureC);
    if (field == u"run_code")
        return lot.runCode.value_or(QString());
    if (field == u"operator")
        return lot.operatorName.value_or(QString());
    if (field == u"workstation_id")
        return lot.workstationId.value_or(QString());
    return timeText(lot.createdAt);
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
        // Names and codes others typed are shown as typed, never as markup.
        value->setTextFormat(Qt::PlainText);
        value->setWordWrap(field == u"receipt");
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
        {QStringLiteral("receipt"), tr("Received from:")},
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
    if (m_loader->lot())
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
    if (!m_loader->lot())
        return;
    const wire::Lot &lot = *m_loader->lot();
    m_message->clear();
    m_title->setText(lot.lotCode);
    for (const QString &field : kFields) {
        const QString text = lotFieldText(lot, field);
        m_values.value(field)->setText(text.isEmpty() ? tr("—") : text);
    }

    const QList<wire::Decision> &decisions = m_loader->decisions();
    m_history->setRowCount(int(decisions.size()));
    for (int row = 0; row < decisions.size(); ++row) {
        const wire::Decision &d = decisions.at(row);
        const QStringList cells{timeText(d.decidedAt),
                                QString::number(d.gateNumber),
                                app::DomainLabels::decision(d.decision),
                                d.notes,
                                textOf(d.temperatureC),
                                d.operatorName.isEmpty() ? d.operatorUsername : d.operatorName};
        for (int c = 0; c < cells.size(); ++c)
            m_history->setItem(row, c, new QTableWidgetItem(cells.at(c)));
    }

    const auto fill = [](QTableWidget *t, const QList<wire::LotLink> &links) {
        t->setRowCount(int(links.size()));
        for (int row = 0; row < links.size(); ++row) {
            const wire::LotLink &l = links.at(row);
            const QStringList cells{l.lotCode, toString(l.type),
                                    app::DomainLabels::lotStatus(l.status),
                                    l.quantityUsedKg.toString()};
            for (int c = 0; c < cells.size(); ++c) {
                auto *item = new QTableWidgetItem(cells.at(c));
                item->setData(kStatusRole, toString(l.status));
                t->setItem(row, c, item);
            }
        }
    };
    fill(m_parents, lot.parents.value_or(QList<wire::LotLink>()));
    fill(m_children, lot.children.value_or(QList<wire::LotLink>()));
}

} // namespace flowviz::ui
