#include "ui/dispatch/dispatchpage.h"

#include "ui/common/fielderror.h"
#include "ui/common/touchtable.h"

#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

namespace flowviz::ui {

namespace {

constexpr int kTouch = kTouchHeight;
constexpr int kConfirmMs = 10000;

enum ShipmentColumn
{
    ReferenceColumn,
    CustomerColumn,
    DateColumn,
    LinesColumn,
    KgColumn,
    ShipmentColumnCount
};

enum LineColumn
{
    LotColumn,
    LineKgColumn,
    AddedColumn,
    LineColumnCount
};

QString kg(const Decimal &d)
{
    return QLocale().toString(d.toString().toDouble(), 'f', 2);
}

} // namespace

DispatchPage::DispatchPage(app::ShipmentDesk *desk, QWidget *parent)
    : QWidget(parent), m_desk(desk), m_frame(this, m_messages, QStringLiteral("dispatchBody"))
{
    m_title = m_frame.title();
    const QFont big = m_frame.bigFont();
    QVBoxLayout *layout = m_frame.body();

    // The open shipments, and the form that opens another.
    auto *top = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    m_openTitle = new QLabel(this);
    left->addWidget(m_openTitle);
    m_shipments = touchTable(ShipmentColumnCount, QStringLiteral("shipments"), this);
    m_shipments->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_shipments->horizontalHeader()->setSectionResizeMode(CustomerColumn, QHeaderView::Stretch);
    m_shipments->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_shipments->setWordWrap(false);
    m_shipments->setMinimumHeight(4 * kTouch);
    left->addWidget(m_shipments, 1);
    top->addLayout(left, 3);

    auto *form = new QVBoxLayout;
    m_formTitle = new QLabel(this);
    form->addWidget(m_formTitle);
    auto *grid = new QGridLayout;
    int row = 0;
    auto place = [this, grid, &row](QWidget *field, const QString &key) {
        field->setMinimumHeight(kTouch);
        auto *caption = new QLabel(this);
        caption->setBuddy(field);
        m_captions.insert(key, caption);
        auto *box = new QVBoxLayout;
        box->addWidget(field);
        box->addWidget(m_messages.add(key, this));
        grid->addWidget(caption, row, 0, Qt::AlignTop | Qt::AlignLeft);
        grid->addLayout(box, row, 1, Qt::AlignTop);
        ++row;
    };
    m_reference = new QLineEdit(this);
    m_reference->setObjectName(QStringLiteral("reference"));
    place(m_reference, QStringLiteral("reference"));
    m_customer = new QComboBox(this);
    m_customer->setObjectName(QStringLiteral("customer"));
    place(m_customer, QStringLiteral("customer_code"));
    m_shipTo = new QComboBox(this);
    m_shipTo->setObjectName(QStringLiteral("shipTo"));
    place(m_shipTo, QStringLiteral("ship_to_code"));
    m_date = new QDateEdit(QDate::currentDate(), this);
    m_date->setObjectName(QStringLiteral("shipDate"));
    m_date->setCalendarPopup(true);
    place(m_date, QStringLiteral("ship_date"));
    m_carrier = new QLineEdit(this);
    m_carrier->setObjectName(QStringLiteral("carrier"));
    place(m_carrier, QStringLiteral("carrier"));
    grid->setColumnStretch(1, 1);
    form->addLayout(grid);
    m_open = new QPushButton(this);
    m_open->setObjectName(QStringLiteral("openShipment"));
    m_open->setMinimumHeight(kTouch);
    form->addWidget(m_open, 0, Qt::AlignRight);
    form->addStretch(1);
    top->addLayout(form, 2);
    layout->addLayout(top, 2);

    // The chosen shipment: scan, confirm the kilograms, its lines, dispatch.
    m_current = new QLabel(this);
    m_current->setObjectName(QStringLiteral("currentShipment"));
    m_current->setWordWrap(true);
    m_current->setFont(big);
    layout->addWidget(m_current);
    auto *scan = new QGridLayout;
    const auto scanField = [this, scan](QWidget *field, const QString &key, int column) {
        field->setMinimumHeight(kTouch);
        auto *caption = new QLabel(this);
        caption->setBuddy(field);
        m_captions.insert(key, caption);
        scan->addWidget(caption, 0, column);
        scan->addWidget(field, 1, column);
        scan->addWidget(m_messages.add(key, this), 2, column);
    };
    m_lot = new QLineEdit(this);
    m_lot->setObjectName(QStringLiteral("lotCode"));
    scanField(m_lot, QStringLiteral("lot_code"), 0);
    m_quantity = new QLineEdit(this);
    m_quantity->setObjectName(QStringLiteral("quantityKg"));
    m_quantity->setEnabled(false);
    scanField(m_quantity, QStringLiteral("quantity_kg"), 1);
    m_addLine = new QPushButton(this);
    m_addLine->setObjectName(QStringLiteral("addLine"));
    m_addLine->setMinimumHeight(kTouch);
    m_addLine->setEnabled(false);
    scan->addWidget(m_addLine, 1, 2);
    scan->setColumnStretch(0, 2);
    scan->setColumnStretch(1, 1);
    layout->addLayout(scan);
    m_lines = touchTable(LineColumnCount, QStringLiteral("lines"), this);
    m_lines->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_lines->horizontalHeader()->setSectionResizeMode(LotColumn, QHeaderView::Stretch);
    m_lines->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_lines->setMinimumHeight(4 * kTouch);
    layout->addWidget(m_lines, 2);
    auto *buttons = new QHBoxLayout;
    m_removeLine = new QPushButton(this);
    m_removeLine->setObjectName(QStringLiteral("removeLine"));
    m_removeLine->setMinimumHeight(kTouch);
    m_dispatch = new QPushButton(this);
    m_dispatch->setObjectName(QStringLiteral("dispatch"));
    m_dispatch->setMinimumHeight(kTouch);
    buttons->addWidget(m_removeLine);
    buttons->addStretch(1);
    buttons->addWidget(m_dispatch);
    layout->addLayout(buttons);

    m_disarm.setSingleShot(true);
    m_disarm.setInterval(kConfirmMs);
    connect(&m_disarm, &QTimer::timeout, this, &DispatchPage::disarm);
    connect(m_open, &QPushButton::clicked, this, &DispatchPage::openShipment);
    connect(m_customer, &QComboBox::currentIndexChanged, this, &DispatchPage::fillShipTo);
    connect(m_shipments, &QTableWidget::itemSelectionChanged, this, [this] {
        if (m_filling)
            return;
        const auto rows = m_shipments->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            m_desk->select(m_shipments->item(rows.first().row(), ReferenceColumn)->text());
    });
    connect(m_lot, &QLineEdit::returnPressed, this, [this] {
        if (!m_lot->isReadOnly())
            handleScan(m_lot->text());
    });
    connect(m_quantity, &QLineEdit::returnPressed, this, &DispatchPage::confirmLine);
    connect(m_addLine, &QPushButton::clicked, this, &DispatchPage::confirmLine);
    connect(m_lines, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removeLine->setEnabled(!selectedLine().isEmpty()); });
    connect(m_removeLine, &QPushButton::clicked, this, [this] {
        const QString lot = selectedLine();
        if (!lot.isEmpty()) {
            showMessages({});
            m_desk->removeLine(lot);
        }
    });
    connect(m_dispatch, &QPushButton::clicked, this, &DispatchPage::dispatchTouched);

    connect(m_desk, &app::ShipmentDesk::loaded, this, [this] {
        fillShipments();
        fillCustomers();
    });
    connect(m_desk, &app::ShipmentDesk::currentChanged, this, &DispatchPage::showCurrent);
    connect(m_desk, &app::ShipmentDesk::failed, this, [this](const auto &messages) {
        m_lot->setReadOnly(false);
        showMessages(messages);
        setNotice({});
    });
    connect(m_desk, &app::ShipmentDesk::lotReady, this,
            [this](const QString &lot, const std::optional<Decimal> &weight) {
                showMessages({});
                setNotice({});
                m_lot->setReadOnly(false);
                m_lot->setText(lot);
                m_quantity->setEnabled(true);
                m_addLine->setEnabled(true);
                m_quantity->setText(
                    weight ? QLocale().toString(weight->toString().toDouble(), 'f', 2) : QString());
                m_quantity->setFocus();
                m_quantity->selectAll();
            });
    connect(m_desk, &app::ShipmentDesk::lineAdded, this, [this](const QString &lot) {
        showMessages({});
        setNotice(tr("Lot %1 is on shipment %2.")
                      .arg(lot, m_desk->current() ? m_desk->current()->reference : QString()));
        m_lot->clear();
        m_lot->setFocus();
    });
    connect(m_desk, &app::ShipmentDesk::opened, this, [this](const QString &reference) {
        showMessages({});
        setNotice(tr("Shipment %1 is open: scan the labels of what goes on it.").arg(reference));
        m_reference->clear();
        m_carrier->clear();
        m_lot->setFocus();
    });
    connect(m_desk, &app::ShipmentDesk::lineRemoved, this, [this](const QString &lot) {
        showMessages({});
        setNotice(tr("Lot %1 was taken off shipment %2.")
                      .arg(lot, m_desk->current() ? m_desk->current()->reference : QString()));
    });
    connect(m_desk, &app::ShipmentDesk::dispatched, this, [this](const QString &reference) {
        showMessages({});
        setNotice(tr("Shipment %1 was dispatched.").arg(reference));
    });
    retranslateUi();
    showCurrent();
}

void DispatchPage::retranslateUi()
{
    m_title->setText(tr("Dispatch"));
    m_openTitle->setText(tr("Open shipments"));
    m_shipments->setHorizontalHeaderLabels(
        {tr("Reference"), tr("Customer"), tr("Ship date"), tr("Lines"), tr("kg")});
    m_formTitle->setText(tr("Open a new shipment"));
    const QList<std::pair<const char *, QString>> captions{
        {"reference", tr("Reference")},
        {"customer_code", tr("Customer")},
        {"ship_to_code", tr("Ship-to")},
        {"ship_date", tr("Ship date")},
        {"carrier", tr("Carrier")},
        {"lot_code", tr("Lot: scan the FG label or type its code")},
        {"quantity_kg", tr("Kilograms")}};
    for (const auto &[key, text] : captions)
        m_captions.value(QLatin1String(key))->setText(text);
    m_reference->setPlaceholderText(tr("delivery note number"));
    m_carrier->setPlaceholderText(tr("optional"));
    m_open->setText(tr("Open shipment"));
    m_addLine->setText(tr("Put on shipment"));
    m_lines->setHorizontalHeaderLabels({tr("Lot"), tr("kg"), tr("Added")});
    m_removeLine->setText(tr("Take the selected line off"));
    fillShipments();
    fillCustomers();
    showCurrent();
}

void DispatchPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DispatchPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();
}

void DispatchPage::reload()
{
    m_desk->reload();
}

void DispatchPage::fillShipments()
{
    m_filling = true;
    const QList<app::ShipmentDesk::OpenShipment> open = m_desk->openShipments();
    m_shipments->setRowCount(int(open.size()));
    for (int row = 0; row < open.size(); ++row) {
        const app::ShipmentDesk::OpenShipment &o = open.at(row);
        const QStringList cells{o.shipment.reference, o.shipment.customerName,
                                QLocale().toString(o.shipment.shipDate, QLocale::ShortFormat),
                                QString::number(o.lineCount), kg(o.totalKg)};
        for (int c = 0; c < cells.size(); ++c)
            m_shipments->setItem(row, c, new QTableWidgetItem(cells.at(c)));
    }
    m_shipments->clearSelection();
    if (const auto current = m_desk->current())
        selectShipment(current->reference);
    m_filling = false;
}

void DispatchPage::fillCustomers()
{
    const QString chosen = m_customer->currentData().toString();
    const QSignalBlocker block(m_customer);
    m_customer->clear();
    m_customer->addItem(tr("Choose the customer"), QString());
    for (const wire::Customer &c : m_desk->customers())
        m_customer->addItem(c.customerCode + QStringLiteral(" — ") + c.name, c.customerCode);
    m_customer->setCurrentIndex(std::max(0, m_customer->findData(chosen)));
    fillShipTo();
}

void DispatchPage::fillShipTo()
{
    const QString code = m_customer->currentData().toString();
    const QString chosen = m_shipTo->currentData().toString();
    m_shipTo->clear();
    m_shipTo->addItem(tr("The customer's address"), QString());
    for (const wire::Customer &c : m_desk->customers()) {
        if (c.customerCode != code)
            continue;
        for (const wire::ShipTo &place : c.shipTo) {
            if (place.active)
                m_shipTo->addItem(place.shipToCode + QStringLiteral(" — ") + place.name,
                                  place.shipToCode);
        }
    }
    m_shipTo->setCurrentIndex(std::max(0, m_shipTo->findData(chosen)));
}

void DispatchPage::showCurrent()
{
    disarm();
    const auto current = m_desk->current();
    if (!current) {
        m_current->setText(tr("No shipment chosen: choose one from the list, or open a new one."));
        m_lines->setRowCount(0);
    } else {
        m_current->setText(tr("Shipment %1 for %2, %3 — lines: %4, total: %5 kg")
                               .arg(current->reference, current->customerName,
                                    QLocale().toString(current->shipDate, QLocale::ShortFormat),
                                    QString::number(current->lines.size()),
                                    kg(current->totalKg())));
        m_lines->setRowCount(int(current->lines.size()));
        for (int row = 0; row < current->lines.size(); ++row) {
            const wire::ShipmentLine &l = current->lines.at(row);
            const QStringList cells{
                l.lotCode, kg(l.quantityKg),
                QLocale().toString(l.addedAt.toLocalTime().time(), QLocale::ShortFormat)};
            for (int c = 0; c < cells.size(); ++c)
                m_lines->setItem(row, c, new QTableWidgetItem(cells.at(c)));
        }
        if (m_shipments->rowCount() > 0)
            selectShipment(current->reference);
    }
    const bool open = current.has_value();
    m_lot->setEnabled(open);
    const bool pending = open && m_desk->pendingLot().has_value();
    m_quantity->setEnabled(pending);
    m_addLine->setEnabled(pending);
    if (!pending)
        m_quantity->clear();
    m_removeLine->setEnabled(!selectedLine().isEmpty());
    m_dispatch->setEnabled(open && !current->lines.isEmpty());
}

void DispatchPage::handleScan(const QString &code)
{
    showMessages({});
    m_lot->setText(code.trimmed());
    m_quantity->clear();
    m_quantity->setEnabled(false);
    m_addLine->setEnabled(false);
    // Until the lot is looked up, keys typed at once (the kilograms, typed ahead of the
    // answer) must not land in the lot's field and be taken for another lot code: it keeps
    // the code; a new scan still replaces it.
    m_lot->setReadOnly(true);
    setNotice(tr("Looking up lot %1…").arg(code.trimmed()));
    m_desk->scan(code);
}

void DispatchPage::confirmLine()
{
    showMessages({});
    m_desk->confirmLine(m_quantity->text());
}

void DispatchPage::openShipment()
{
    showMessages({});
    setNotice({});
    m_desk->open({m_reference->text(), m_customer->currentData().toString(),
                  m_shipTo->currentData().toString(), m_date->date(), m_carrier->text()});
}

void DispatchPage::dispatchTouched()
{
    const auto current = m_desk->current();
    if (!current)
        return;
    if (!m_armed) {
        m_armed = true;
        m_dispatch->setText(tr("Touch again to dispatch %1 — lines: %2, total: %3 kg")
                                .arg(current->reference, QString::number(current->lines.size()),
                                     kg(current->totalKg())));
        m_disarm.start();
        return;
    }
    disarm();
    showMessages({});
    m_desk->dispatchCurrent();
}

void DispatchPage::disarm()
{
    m_armed = false;
    m_disarm.stop();
    m_dispatch->setText(tr("Dispatch"));
}

QString DispatchPage::selectedLine() const
{
    const auto rows = m_lines->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_lines->item(rows.first().row(), LotColumn))
        return {};
    return m_lines->item(rows.first().row(), LotColumn)->text();
}

bool DispatchPage::selectShipment(const QString &reference)
{
    const int row = rowOf(m_shipments, ReferenceColumn, reference);
    if (row < 0)
        return false;
    const bool filling = m_filling;
    m_filling = true;
    m_shipments->selectRow(row);
    m_filling = filling;
    if (!m_desk->current() || m_desk->current()->reference != reference)
        m_desk->select(reference);
    return true;
}

QStringList DispatchPage::lineCodes() const
{
    return columnTexts(m_lines, LotColumn);
}

QStringList DispatchPage::shipmentReferences() const
{
    return columnTexts(m_shipments, ReferenceColumn);
}

QString DispatchPage::message(const QString &field) const
{
    return m_messages.text(field);
}

QString DispatchPage::notice() const
{
    return m_frame.notice();
}

void DispatchPage::setNotice(const QString &text)
{
    m_frame.setNotice(text);
}

void DispatchPage::showMessages(const app::ShipmentDesk::Messages &messages)
{
    m_messages.show(messages);
}

} // namespace flowviz::ui
