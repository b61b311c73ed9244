#include "ui/lots/registerlotpage.h"

#include "ui/common/fielderror.h"
#include "ui/common/statusbadge.h"
#include "ui/common/temperaturebadge.h"
#include "ui/labels/labelpreview.h"
#include "ui/labels/labelrenderer.h"

#include "app/core/domainlabels.h"
#include "app/outbox/outbox.h"
#include "app/registration/receiptscan.h"
#include "app/registration/rulemessages.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QEvent>
#include <QFontMetrics>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

namespace flowviz::ui {

namespace {

constexpr int kTouch = 44;
// The expiry field's "none": a day no label carries.
const QDate kNoExpiry(2000, 1, 1);

enum ParentColumn
{
    CodeColumn,
    StatusColumn,
    QuantityColumn,
    RemoveColumn,
    ColumnCount
};

} // namespace

RegisterLotPage::RegisterLotPage(app::LotRegistrar *registrar, QWidget *parent)
    : QWidget(parent), m_registrar(registrar)
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
    layout->addWidget(m_title);

    // The fields scroll when a short screen cannot show them all with their error lines (a RAW
    // lot's receipt at 1024 × 700); Save stays in sight below them.
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("registerFields"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *body = new QWidget(m_scroll);
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    m_scroll->setWidget(body);
    layout->addWidget(m_scroll, 1);

    buildForm(bodyLayout);
    buildReceipt(bodyLayout);
    buildParents(bodyLayout, big);
    buildSaveRow(layout, big);
    connectRegistrar();
    reloadSuppliers();
    retranslateUi();
    reloadRuns();
    updateBadge();
    updateReceiptVisibility();
}

// Lot type, code, weight, temperature with its badge, and run; each with its error line.
void RegisterLotPage::buildForm(QVBoxLayout *layout)
{
    m_form = new QFormLayout;
    layout->addLayout(m_form);
    auto addRow = [this](QWidget *field, const QString &errorKey) {
        auto *box = new QVBoxLayout;
        box->addWidget(field);
        QLabel *error = makeFieldErrorLabel(this);
        m_errors.insert(errorKey, error);
        box->addWidget(error);
        m_form->addRow(new QLabel(this), box);
    };

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("lotType"));
    m_type->setMinimumHeight(kTouch);
    for (LotType t : allLotTypes())
        m_type->addItem(QString(), QVariant::fromValue(toString(t)));
    addRow(m_type, QStringLiteral("lot_type"));

    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("lotCode"));
    m_code->setMinimumHeight(kTouch);
    addRow(m_code, QStringLiteral("lot_code"));

    m_weight = new QLineEdit(this);
    m_weight->setObjectName(QStringLiteral("weight"));
    m_weight->setMinimumHeight(kTouch);
    m_weight->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    addRow(m_weight, QStringLiteral("weight_kg"));

    auto *tempBox = new QWidget(this);
    auto *tempLayout = new QHBoxLayout(tempBox);
    tempLayout->setContentsMargins(0, 0, 0, 0);
    m_temperature = new QLineEdit(tempBox);
    m_temperature->setObjectName(QStringLiteral("temperature"));
    m_temperature->setMinimumHeight(kTouch);
    m_temperature->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    m_badge = new TemperatureBadge(tempBox);
    m_badge->setObjectName(QStringLiteral("temperatureBadge"));
    tempLayout->addWidget(m_temperature, 1);
    tempLayout->addWidget(m_badge, 2);
    addRow(tempBox, QStringLiteral("temperature_c"));

    m_run = new QComboBox(this);
    m_run->setObjectName(QStringLiteral("run"));
    m_run->setMinimumHeight(kTouch);
    addRow(m_run, QStringLiteral("run_code"));
}

// A RAW lot's receipt: two columns of captioned fields, each with its error line, and a line
// saying what the last label scan filled in.
void RegisterLotPage::buildReceipt(QVBoxLayout *layout)
{
    m_receiptBox = new QGroupBox(this);
    m_receiptBox->setObjectName(QStringLiteral("receipt"));
    auto *grid = new QGridLayout(m_receiptBox);
    auto place = [this, grid](QWidget *field, const QString &key, int row, int column) {
        field->setMinimumHeight(kTouch);
        auto *caption = new QLabel(m_receiptBox);
        caption->setBuddy(field);
        m_receiptLabels.insert(key, caption);
        auto *box = new QVBoxLayout;
        box->addWidget(field);
        QLabel *error = makeFieldErrorLabel(m_receiptBox);
        m_errors.insert(key, error);
        box->addWidget(error);
        grid->addWidget(caption, row, column * 2, Qt::AlignTop | Qt::AlignLeft);
        grid->addLayout(box, row, column * 2 + 1);
    };
    m_supplier = new QComboBox(m_receiptBox);
    m_supplier->setObjectName(QStringLiteral("supplier"));
    place(m_supplier, QStringLiteral("receipt.supplier_code"), 0, 0);
    m_supplierLot = new QLineEdit(m_receiptBox);
    m_supplierLot->setObjectName(QStringLiteral("supplierLotCode"));
    place(m_supplierLot, QStringLiteral("receipt.supplier_lot_code"), 0, 1);
    m_gtin = new QLineEdit(m_receiptBox);
    m_gtin->setObjectName(QStringLiteral("gtin"));
    m_gtin->setInputMethodHints(Qt::ImhDigitsOnly);
    place(m_gtin, QStringLiteral("receipt.gtin"), 1, 0);
    m_deliveryNote = new QLineEdit(m_receiptBox);
    m_deliveryNote->setObjectName(QStringLiteral("deliveryNote"));
    place(m_deliveryNote, QStringLiteral("receipt.delivery_note"), 1, 1);
    m_receivedOn = new QDateEdit(QDate::currentDate(), m_receiptBox);
    m_receivedOn->setObjectName(QStringLiteral("receivedOn"));
    m_receivedOn->setCalendarPopup(true);
    place(m_receivedOn, QStringLiteral("receipt.received_on"), 2, 0);
    m_expiresOn = new QDateEdit(m_receiptBox);
    m_expiresOn->setObjectName(QStringLiteral("expiresOn"));
    m_expiresOn->setCalendarPopup(true);
    m_expiresOn->setMinimumDate(kNoExpiry);
    m_expiresOn->setDate(kNoExpiry);
    place(m_expiresOn, QStringLiteral("receipt.expires_on"), 2, 1);
    m_units = new QLineEdit(m_receiptBox);
    m_units->setObjectName(QStringLiteral("units"));
    m_units->setInputMethodHints(Qt::ImhDigitsOnly);
    place(m_units, QStringLiteral("receipt.units"), 3, 0);
    // What the last label said, across the box's width so that it wraps into few lines.
    m_receiptScan = new QLabel(m_receiptBox);
    m_receiptScan->setObjectName(QStringLiteral("receiptScan"));
    m_receiptScan->setWordWrap(true);
    m_receiptScan->setTextFormat(Qt::PlainText);
    m_receiptScan->hide();
    grid->addWidget(m_receiptScan, 4, 0, 1, 4);
    QLabel *receiptError = makeFieldErrorLabel(m_receiptBox);
    m_errors.insert(QStringLiteral("receipt"), receiptError);
    grid->addWidget(receiptError, 5, 0, 1, 4);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    // Tight rows: with the receipt the page still fits 1024 × 700 with every field 44 px high.
    grid->setVerticalSpacing(2);
    grid->setContentsMargins(9, 2, 9, 2);
    layout->addWidget(m_receiptBox);
}

// The parents scanned so far, with the hint to scan them and where a scan's problem shows.
void RegisterLotPage::buildParents(QVBoxLayout *layout, const QFont &big)
{
    m_parentsTitle = new QLabel(this);
    m_parentsTitle->setFont(big);
    layout->addWidget(m_parentsTitle);
    m_parentsHint = new QLabel(this);
    m_parentsHint->setWordWrap(true);
    layout->addWidget(m_parentsHint);
    QLabel *scanError = makeFieldErrorLabel(this);
    scanError->setObjectName(QStringLiteral("scanMessage"));
    m_errors.insert(QStringLiteral("scan"), scanError);
    layout->addWidget(scanError);
    m_parents = new QTableWidget(0, ColumnCount, this);
    m_parents->setObjectName(QStringLiteral("parents"));
    m_parents->verticalHeader()->setDefaultSectionSize(kTouch);
    // A row and its header at least, and whatever height the page has left: its preferred
    // height is ignored, so the fields scroll only when the screen is really too short.
    m_parents->setMinimumHeight(kTouch + m_parents->horizontalHeader()->sizeHint().height() + 4);
    m_parents->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    m_parents->verticalHeader()->hide();
    m_parents->horizontalHeader()->setSectionResizeMode(CodeColumn, QHeaderView::Stretch);
    m_parents->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_parents, 1);
    QLabel *parentsError = makeFieldErrorLabel(this);
    m_errors.insert(QStringLiteral("parents"), parentsError);
    layout->addWidget(parentsError);
}

// Save, its error, and the last saved lot with its status and the label button.
void RegisterLotPage::buildSaveRow(QVBoxLayout *layout, const QFont &big)
{
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setMinimumHeight(2 * kTouch);
    m_save->setFont(big);
    layout->addWidget(m_save);
    QLabel *saveError = makeFieldErrorLabel(this);
    m_errors.insert(QStringLiteral("save"), saveError);
    layout->addWidget(saveError);

    auto *savedRow = new QHBoxLayout;
    m_savedText = new QLabel(this);
    m_savedText->setObjectName(QStringLiteral("savedText"));
    m_savedText->setWordWrap(true);
    m_savedStatus = new StatusBadge(this);
    m_savedStatus->setObjectName(QStringLiteral("savedStatus"));
    m_print = new QPushButton(this);
    m_print->setObjectName(QStringLiteral("printLabel"));
    m_print->setMinimumHeight(kTouch);
    m_print->setEnabled(false);
    savedRow->addWidget(m_savedText, 1);
    savedRow->addWidget(m_savedStatus);
    savedRow->addWidget(m_print);
    layout->addLayout(savedRow);
}

void RegisterLotPage::connectRegistrar()
{
    connect(m_save, &QPushButton::clicked, this, &RegisterLotPage::save);
    connect(m_print, &QPushButton::clicked, this, &RegisterLotPage::printLabel);
    connect(m_temperature, &QLineEdit::textChanged, this, &RegisterLotPage::updateBadge);
    connect(m_type, &QComboBox::currentIndexChanged, this, &RegisterLotPage::updateBadge);
    connect(m_type, &QComboBox::currentIndexChanged, this,
            &RegisterLotPage::updateReceiptVisibility);
    connect(m_registrar->cache(), &app::LocalCache::suppliersChanged, this,
            &RegisterLotPage::reloadSuppliers);
    connect(m_registrar->cache(), &app::LocalCache::runsChanged, this,
            &RegisterLotPage::reloadRuns);
    connect(m_registrar->cache(), &app::LocalCache::profilesChanged, this,
            &RegisterLotPage::updateBadge);
    connect(m_registrar->cache(), &app::LocalCache::lotsChanged, this,
            &RegisterLotPage::updateSaved);
    connect(m_registrar, &app::LotRegistrar::synced, this, &RegisterLotPage::updateSaved);
    // A lot refused by the server or discarded is no longer "saved": the page says so at once.
    connect(m_registrar->outbox(), &app::Outbox::changed, this, &RegisterLotPage::updateSaved);
}

void RegisterLotPage::retranslateUi()
{
    m_title->setText(tr("Register lot"));
    const QStringList rowNames{tr("Lot type"), tr("Lot code"), tr("Weight (kg)"),
                               tr("Temperature (°C)"), tr("Production run")};
    for (int row = 0; row < m_form->rowCount() && row < rowNames.size(); ++row) {
        if (auto *label =
                qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::LabelRole)->widget()))
            label->setText(rowNames[row]);
    }
    for (int i = 0; i < m_type->count(); ++i) {
        const auto t = lotTypeFromString(m_type->itemData(i).toString());
        m_type->setItemText(
            i, QStringLiteral("%1 — %2").arg(toString(*t), app::DomainLabels::lotType(*t)));
    }
    m_code->setPlaceholderText(
        tr("Generated when you save; type it only to use a pre-printed label"));
    // The examples are written as numbers are typed here: "12,50" in Hungarian.
    const auto example = [](QString number) {
        return tr("e.g. %1").arg(app::RuleMessages::asTyped(number));
    };
    m_weight->setPlaceholderText(example(QStringLiteral("12.50")));
    m_temperature->setPlaceholderText(example(QStringLiteral("3.5")));
    if (m_run->count() > 0)
        m_run->setItemText(0, tr("No production run"));
    m_receiptBox->setTitle(tr("Received from a supplier"));
    const QList<std::pair<const char *, QString>> captions{
        {"receipt.supplier_code", tr("Supplier")},
        {"receipt.supplier_lot_code", tr("Supplier's lot")},
        {"receipt.gtin", tr("GTIN")},
        {"receipt.delivery_note", tr("Delivery note")},
        {"receipt.received_on", tr("Received on")},
        {"receipt.expires_on", tr("Expires on")},
        {"receipt.units", tr("Trade units")}};
    for (const auto &[key, text] : captions)
        m_receiptLabels.value(QLatin1String(key))->setText(text);
    if (m_supplier->count() > 0)
        m_supplier->setItemText(0, tr("Choose the supplier"));
    m_supplierLot->setPlaceholderText(tr("Scan the supplier's label"));
    m_gtin->setPlaceholderText(tr("14 digits, from the label"));
    m_expiresOn->setSpecialValueText(tr("none"));
    // Days as the language writes them ("2026. 12. 06." in Hungarian).
    for (QDateEdit *edit : {m_receivedOn, m_expiresOn}) {
        edit->setLocale(QLocale());
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    }
    m_units->setPlaceholderText(tr("optional"));
    m_deliveryNote->setPlaceholderText(tr("optional"));
    m_parentsTitle->setText(tr("Parent lots"));
    m_parentsHint->setText(tr("Scan the label of each lot you take material from, then enter how "
                              "many kg you used."));
    m_parents->setHorizontalHeaderLabels(
        {tr("Lot"), tr("Status"), tr("Quantity used (kg)"), QString()});
    for (int row = 0; row < m_parents->rowCount(); ++row) {
        if (auto *b = qobject_cast<QPushButton *>(m_parents->cellWidget(row, RemoveColumn)))
            b->setText(tr("Remove"));
        auto *q = qobject_cast<QLineEdit *>(m_parents->cellWidget(row, QuantityColumn));
        if (q && q->property("maxKg").isValid())
            q->setPlaceholderText(
                tr("max %1").arg(app::RuleMessages::asTyped(q->property("maxKg").toString())));
    }
    // The texts changed length: fit the columns again once every badge has its new text.
    QTimer::singleShot(0, this, &RegisterLotPage::fitParentColumns);
    m_save->setText(tr("Save lot (Ctrl+S)"));
    m_print->setText(tr("Print label…"));
    // setText() resets a button's shortcut to the text's mnemonic: set the keys after it.
    m_save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    m_print->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    updateSaved();
}

void RegisterLotPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RegisterLotPage::reloadRuns()
{
    const QString current = m_run->currentData().toString();
    m_run->clear();
    m_run->addItem(tr("No production run"), QString());
    for (const app::CachedRun &run : m_registrar->cache()->activeRuns())
        m_run->addItem(run.code, run.code);
    const int index = m_run->findData(current);
    m_run->setCurrentIndex(index < 0 ? 0 : index);
}

void RegisterLotPage::reloadSuppliers()
{
    const QString current = m_supplier->currentData().toString();
    m_supplier->clear();
    m_supplier->addItem(tr("Choose the supplier"), QString());
    for (const app::CachedSupplier &s : m_registrar->cache()->suppliers())
        m_supplier->addItem(QStringLiteral("%1 — %2").arg(s.code, s.name), s.code);
    // A supplier that disappeared (deactivated) is not silently replaced by another one.
    const int index = m_supplier->findData(current);
    m_supplier->setCurrentIndex(index < 0 ? 0 : index);
}

// The receipt is for RAW lots, which are received, not made; the parents show for the other
// types, and for RAW too while any are listed, so that nothing sent is out of sight.
void RegisterLotPage::updateReceiptVisibility()
{
    const bool raw = m_type->currentData().toString() == toString(LotType::RAW);
    m_receiptBox->setVisible(raw);
    const bool parents = !raw || m_parents->rowCount() > 0;
    m_parentsTitle->setVisible(parents);
    m_parentsHint->setVisible(parents);
    m_parents->setVisible(parents);
    m_receivedOn->setMaximumDate(QDate::currentDate());
}

std::optional<app::LotDraft::Receipt> RegisterLotPage::receiptDraft() const
{
    if (m_receiptBox->isHidden())
        return std::nullopt;
    app::LotDraft::Receipt r;
    r.supplierCode = m_supplier->currentData().toString();
    r.supplierLotCode = m_supplierLot->text();
    r.gtin = m_gtin->text().trimmed();
    r.deliveryNote = m_deliveryNote->text();
    r.receivedOn = m_receivedOn->date();
    if (m_expiresOn->date() != kNoExpiry)
        r.expiresOn = m_expiresOn->date();
    r.units = m_units->text().trimmed();
    // Nothing of a receipt given: the lot is registered without one.
    if (r.supplierCode.isEmpty() && r.supplierLotCode.isEmpty() && r.gtin.isEmpty() &&
        r.deliveryNote.isEmpty() && !r.expiresOn && r.units.isEmpty())
        return std::nullopt;
    return r;
}

void RegisterLotPage::clearLabelFields()
{
    m_supplierLot->clear();
    m_gtin->clear();
    m_expiresOn->setDate(kNoExpiry);
    m_units->clear();
    m_receiptScan->clear();
    m_receiptScan->hide();
}

QString RegisterLotPage::receiptScanText() const
{
    return m_receiptScan->text();
}

void RegisterLotPage::handleLabelScan(const QString &code, const QString &raw)
{
    if (m_receiptBox->isHidden()) {
        handleScan(code);
        return;
    }
    const app::ScanResult scan = app::Gs1Parser::parse(raw);
    const app::ReceiptScan label = app::receiptFromScan(scan);
    if (label.isEmpty()) {
        if (!scan.gs1Problem.isEmpty()) {
            setError(QStringLiteral("scan"), QStringLiteral("\u2716 ") + scan.gs1Problem);
            return;
        }
        handleScan(code);
        return;
    }
    if (!label.unreadableExpiry.isEmpty()) {
        setError(QStringLiteral("scan"),
                 QStringLiteral("\u2716 ") +
                     tr("The label's expiry date (%1) is not a real day, so nothing was taken "
                        "from it. Type the receipt from the label and tell the supplier.")
                         .arg(label.unreadableExpiry));
        return;
    }
    // Every label field is replaced: one the label lacks is emptied, never kept from the
    // label scanned before.
    clearLabelFields();
    m_supplierLot->setText(label.supplierLotCode);
    m_gtin->setText(label.gtin);
    if (label.expiresOn)
        m_expiresOn->setDate(*label.expiresOn);
    m_units->setText(label.units);
    // One line: the fields themselves show what was read.
    m_receiptScan->setText(
        tr("\u2714 Filled in from the label at %1: check it against the "
           "delivery.")
            .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    m_receiptScan->show();
    for (const char *field : {"scan", "receipt.supplier_lot_code", "receipt.gtin",
                              "receipt.expires_on", "receipt.units"})
        setError(QLatin1String(field), QString());
    (m_supplier->currentData().toString().isEmpty() ? static_cast<QWidget *>(m_supplier) : m_weight)
        ->setFocus();
}

void RegisterLotPage::updateBadge()
{
    const auto type = lotTypeFromString(m_type->currentData().toString());
    const auto celsius = Decimal::parseTyped(m_temperature->text(), QLocale().decimalPoint());
    m_badge->setReading(celsius, type ? m_registrar->cache()->profile(*type) : std::nullopt);
}

QString RegisterLotPage::fieldError(const QString &field) const
{
    const QLabel *label = m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void RegisterLotPage::setError(const QString &field, const QString &message)
{
    QLabel *label = m_errors.value(field);
    if (!label)
        return;
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void RegisterLotPage::showErrors(const app::FieldMessages &errors)
{
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        if (it.key() != QLatin1String("scan"))
            setError(it.key(), errors.value(it.key()));
    }
    QStringList parentErrors;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it) {
        if (it.key().startsWith(QLatin1String("parent:")))
            parentErrors.append(it.value());
    }
    setError(QStringLiteral("parents"), parentErrors.join(QLatin1Char('\n')));
}

QStringList RegisterLotPage::parentCodes() const
{
    QStringList codes;
    for (int row = 0; row < m_parents->rowCount(); ++row)
        codes.append(m_parents->item(row, CodeColumn)->text());
    return codes;
}

bool RegisterLotPage::setParentQuantity(const QString &code, const QString &kg)
{
    const int row = int(parentCodes().indexOf(rules::normalizeLotCode(code)));
    if (row < 0)
        return false;
    static_cast<QLineEdit *>(m_parents->cellWidget(row, QuantityColumn))->setText(kg);
    return true;
}

void RegisterLotPage::handleScan(const QString &code)
{
    QPointer<RegisterLotPage> self(this);
    m_registrar->lookupParent(code, this, [self](const app::ParentCheck &check) {
        if (!self)
            return;
        if (!check.usable()) {
            self->setError(QStringLiteral("scan"), QStringLiteral("\u2716 ") + check.message);
            return;
        }
        self->setError(QStringLiteral("scan"), QString());
        if (!self->parentCodes().contains(check.code))
            self->addParentRow(check);
    });
}

void RegisterLotPage::addParentRow(const app::ParentCheck &check)
{
    const int row = m_parents->rowCount();
    m_parents->insertRow(row);
    m_parents->setItem(row, CodeColumn, new QTableWidgetItem(check.code));
    auto *status = new StatusBadge(m_parents);
    status->setStatus(check.lot->status, check.lot->isPending());
    m_parents->setCellWidget(row, StatusColumn, status);
    auto *quantity = new QLineEdit(m_parents);
    quantity->setObjectName(QStringLiteral("quantity_") + check.code);
    quantity->setMinimumHeight(kTouch);
    if (check.lot->weightKg) {
        // Kept to say it again in another language.
        quantity->setProperty("maxKg", check.lot->weightKg->toString());
        quantity->setPlaceholderText(
            tr("max %1").arg(app::RuleMessages::asTyped(check.lot->weightKg->toString())));
    }
    m_parents->setCellWidget(row, QuantityColumn, quantity);
    auto *remove = new QPushButton(tr("Remove"), m_parents);
    remove->setMinimumHeight(kTouch);
    const QString code = check.code;
    connect(remove, &QPushButton::clicked, this, [this, code] {
        const int r = int(parentCodes().indexOf(code));
        if (r >= 0)
            m_parents->removeRow(r);
        updateReceiptVisibility();
    });
    m_parents->setCellWidget(row, RemoveColumn, remove);
    updateReceiptVisibility();
    fitParentColumns();
    quantity->setFocus();
}

void RegisterLotPage::fitParentColumns()
{
    m_parents->resizeColumnsToContents();
    // The kilograms field is as wide as its header, not as its placeholder: with the long
    // Hungarian status the row then fits 1024 px without scrolling sideways.
    const QHeaderView *header = m_parents->horizontalHeader();
    const QString title = m_parents->model()->headerData(QuantityColumn, Qt::Horizontal).toString();
    QFont bold = header->font();
    bold.setBold(true);
    m_parents->setColumnWidth(QuantityColumn,
                              std::max(QFontMetrics(bold).horizontalAdvance(title) + 24, 110));
}

void RegisterLotPage::save()
{
    app::LotDraft draft;
    draft.type = *lotTypeFromString(m_type->currentData().toString());
    draft.lotCode = m_code->text();
    draft.weightKg = m_weight->text();
    draft.temperatureC = m_temperature->text();
    draft.runCode = m_run->currentData().toString();
    for (int row = 0; row < m_parents->rowCount(); ++row) {
        const auto *q = static_cast<QLineEdit *>(m_parents->cellWidget(row, QuantityColumn));
        draft.parents.append({m_parents->item(row, CodeColumn)->text(), q->text()});
    }
    draft.receipt = receiptDraft();
    const app::LotRegistrar::Result result = m_registrar->registerLot(draft);
    showErrors(result.errors);
    if (!result.ok) {
        // The first error line in sight, top to bottom, where the lines now are.
        QWidget *body = m_scroll->widget();
        body->layout()->activate();
        QLabel *first = nullptr;
        for (QLabel *label : std::as_const(m_errors)) {
            if (!label->isHidden() && body->isAncestorOf(label) &&
                (!first || label->mapTo(body, QPoint()).y() < first->mapTo(body, QPoint()).y()))
                first = label;
        }
        if (first)
            m_scroll->ensureWidgetVisible(first);
        for (const QString &field : {QStringLiteral("lot_code"), QStringLiteral("weight_kg"),
                                     QStringLiteral("temperature_c")}) {
            if (result.errors.contains(field)) {
                (field == QLatin1String("lot_code")    ? m_code
                 : field == QLatin1String("weight_kg") ? m_weight
                                                       : m_temperature)
                    ->setFocus();
                break;
            }
        }
        return;
    }
    m_lastCode = result.lotCode;
    m_lastOutboxId = result.outboxId;
    m_code->clear();
    m_weight->clear();
    m_temperature->clear();
    m_parents->setRowCount(0);
    // The supplier, delivery note and day stay for the delivery's next lot; what one label
    // says does not.
    clearLabelFields();
    updateReceiptVisibility();
    setError(QStringLiteral("scan"), QString());
    m_print->setEnabled(true);
    updateSaved();
    emit lotSaved(result.lotCode);
}

QString RegisterLotPage::savedText() const
{
    return m_savedText->text();
}

void RegisterLotPage::updateSaved()
{
    if (m_lastCode.isEmpty()) {
        m_savedText->setText(QString());
        m_savedStatus->setStatus(std::nullopt);
        return;
    }
    const auto item = m_registrar->outbox()->item(m_lastOutboxId);
    if (item && (item->state == app::OutboxItem::State::NeedsAttention ||
                 item->state == app::OutboxItem::State::Discarded)) {
        m_savedText->setText(
            item->state == app::OutboxItem::State::Discarded
                ? tr("\u2716 Lot %1 was discarded: it is not registered. Do not use its label.")
                      .arg(m_lastCode)
                : tr("\u2716 The server refused lot %1: %2 It is not registered. Correct it on "
                     "the Sync page.")
                      .arg(m_lastCode, item->lastError));
        m_savedStatus->setStatus(std::nullopt);
        m_print->setEnabled(false);
        return;
    }
    const auto lot = m_registrar->cache()->lot(m_lastCode);
    const bool synced = m_registrar->isSynced(m_lastOutboxId);
    m_savedText->setText(synced ? tr("Lot %1 is saved and on the server.").arg(m_lastCode)
                                : tr("Lot %1 is saved on this workstation and will be sent to "
                                     "the server automatically.")
                                      .arg(m_lastCode));
    m_savedStatus->setStatus(lot ? lot->status : LotStatus::CREATED, !synced);
    m_print->setEnabled(true);
}

void RegisterLotPage::printLabel()
{
    const auto lot = m_registrar->cache()->lot(m_lastCode);
    if (!lot)
        return;
    LotLabel label;
    label.code = lot->code;
    label.type = lot->type;
    label.weightKg = lot->weightKg;
    label.date = (lot->createdAt.isValid() ? lot->createdAt : QDateTime::currentDateTimeUtc())
                     .toLocalTime()
                     .date();
    label.operatorName = m_operatorName;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("labelDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Label of lot %1").arg(lot->code));
    auto *layout = new QVBoxLayout(dialog);
    auto *preview = new LabelPreview(dialog);
    preview->setLabelSizeMm(m_labelSizeMm);
    preview->setLabel(label);
    layout->addWidget(preview);
    auto *close = new QPushButton(tr("Close"), dialog);
    close->setMinimumHeight(kTouch);
    connect(close, &QPushButton::clicked, dialog, &QDialog::accept);
    layout->addWidget(close);
    dialog->open();
}

} // namespace flowviz::ui
