#include "ui/settings/settingspage.h"

#include "app/codes/lotcodegenerator.h"
#include "app/core/settingscontroller.h"
#include "ui/i18n/languagemanager.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPrinterInfo>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace flowviz::ui {

SettingsPage::SettingsPage(app::SettingsController *settings, QWidget *parent)
    : QWidget(parent), m_settings(settings)
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    m_form = new QFormLayout(content);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setVerticalSpacing(10);

    const auto tall = [](QWidget *w) {
        w->setMinimumHeight(44);
        return w;
    };
    m_serverUrl = new QLineEdit(content);
    m_serverUrl->setObjectName(QStringLiteral("serverUrl"));
    m_caFile = new QLineEdit(content);
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caBrowse = new QPushButton(content);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(tall(m_caFile), 1);
    caRow->addWidget(tall(m_caBrowse));
    m_site = new QLineEdit(content);
    m_site->setObjectName(QStringLiteral("site"));
    m_site->setMaxLength(app::LotCodeGenerator::kSiteMaxLength);
    m_workstation = new QLineEdit(content);
    m_workstation->setObjectName(QStringLiteral("workstation"));
    m_workstation->setMaxLength(app::LotCodeGenerator::kWorkstationLength);
    m_language = new QComboBox(content);
    m_language->setObjectName(QStringLiteral("language"));
    for (const QString &code : LanguageManager::supportedLanguages())
        m_language->addItem(LanguageManager::nativeName(code), code);
    m_printer = new QComboBox(content);
    m_printer->setObjectName(QStringLiteral("printer"));
    m_printer->addItem(QString(), QString());
    for (const QString &name : QPrinterInfo::availablePrinterNames())
        m_printer->addItem(name, name);
    m_labelWidth = new QDoubleSpinBox(content);
    m_labelHeight = new QDoubleSpinBox(content);
    for (QDoubleSpinBox *box : {m_labelWidth, m_labelHeight}) {
        box->setRange(20, 300);
        box->setDecimals(0);
        box->setSuffix(QStringLiteral(" mm"));
    }
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(tall(m_labelWidth));
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), content));
    sizeRow->addWidget(tall(m_labelHeight));
    sizeRow->addStretch(1);
    m_scannerPrefix = new QLineEdit(content);
    m_scannerSuffix = new QLineEdit(content);
    m_idleMinutes = new QSpinBox(content);
    m_idleMinutes->setObjectName(QStringLiteral("idleMinutes"));
    m_idleMinutes->setRange(0, 240);
    m_shiftStarts = new QLineEdit(content);
    m_shiftStarts->setObjectName(QStringLiteral("shiftStarts"));

    m_form->addRow(QStringLiteral("-"), tall(m_serverUrl));
    m_form->addRow(QStringLiteral("-"), caRow);
    m_form->addRow(QStringLiteral("-"), tall(m_site));
    m_form->addRow(QStringLiteral("-"), tall(m_workstation));
    m_form->addRow(QStringLiteral("-"), tall(m_language));
    m_form->addRow(QStringLiteral("-"), tall(m_printer));
    m_form->addRow(QStringLiteral("-"), sizeRow);
    m_form->addRow(QStringLiteral("-"), tall(m_scannerPrefix));
    m_form->addRow(QStringLiteral("-"), tall(m_scannerSuffix));
    m_form->addRow(QStringLiteral("-"), tall(m_idleMinutes));
    m_form->addRow(QStringLiteral("-"), tall(m_shiftStarts));
    scroll->setWidget(content);
    layout->addWidget(scroll, 1);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("settingsResult"));
    m_result->setWordWrap(true);
    m_result->hide();
    layout->addWidget(m_result);
    m_saveButton = new QPushButton(this);
    m_saveButton->setObjectName(QStringLiteral("saveSettings"));
    m_saveButton->setMinimumHeight(56);
    layout->addWidget(m_saveButton);

    connect(m_saveButton, &QPushButton::clicked, this, &SettingsPage::save);
    connect(m_caBrowse, &QPushButton::clicked, this, &SettingsPage::browseCa);
    connect(settings, &app::SettingsController::settingsChanged, this, &SettingsPage::load);

    retranslateUi();
    load();
}

void SettingsPage::load()
{
    const app::ConsoleSettings &s = m_settings->settings();
    m_serverUrl->setText(s.serverUrl.toString());
    m_caFile->setText(s.caFile);
    m_site->setText(s.site);
    m_workstation->setText(s.workstation);
    m_language->setCurrentIndex(qMax(0, m_language->findData(s.language)));
    int printer = m_printer->findData(s.labelPrinter);
    if (printer < 0) {
        m_printer->addItem(s.labelPrinter, s.labelPrinter);
        printer = m_printer->count() - 1;
    }
    m_printer->setCurrentIndex(printer);
    m_labelWidth->setValue(s.labelSizeMm.width());
    m_labelHeight->setValue(s.labelSizeMm.height());
    m_scannerPrefix->setText(s.scannerPrefix);
    m_scannerSuffix->setText(s.scannerSuffix);
    m_idleMinutes->setValue(s.idleLockMinutes);
    m_shiftStarts->setText(app::ConsoleSettings::shiftStartsText(s.shiftStarts));
}

app::ConsoleSettings SettingsPage::formSettings() const
{
    app::ConsoleSettings s = m_settings->settings();
    s.serverUrl = QUrl::fromUserInput(m_serverUrl->text().trimmed());
    s.caFile = m_caFile->text().trimmed();
    s.site = m_site->text().trimmed().toUpper();
    s.workstation = m_workstation->text().trimmed().toUpper();
    s.language = m_language->currentData().toString();
    s.labelPrinter = m_printer->currentData().toString();
    s.labelSizeMm = QSizeF(m_labelWidth->value(), m_labelHeight->value());
    s.scannerPrefix = m_scannerPrefix->text();
    s.scannerSuffix = m_scannerSuffix->text();
    s.idleLockMinutes = m_idleMinutes->value();
    s.shiftStarts = app::ConsoleSettings::parseShiftStarts(m_shiftStarts->text(), nullptr)
                        .value_or(QList<QTime>());
    return s;
}

QString SettingsPage::errorText() const
{
    return m_result->isHidden() ? QString() : m_result->text();
}

bool SettingsPage::save()
{
    const app::ConsoleSettings s = formSettings();
    if (const auto problem = app::LotCodeGenerator::checkSite(s.site)) {
        showResult(*problem, true);
        m_site->setFocus(Qt::OtherFocusReason);
        return false;
    }
    if (const auto problem = app::LotCodeGenerator::checkWorkstation(s.workstation)) {
        showResult(*problem, true);
        m_workstation->setFocus(Qt::OtherFocusReason);
        return false;
    }
    QString error;
    if (!app::ConsoleSettings::parseShiftStarts(m_shiftStarts->text(), &error)) {
        showResult(error, true);
        m_shiftStarts->setFocus(Qt::OtherFocusReason);
        return false;
    }
    if (!m_settings->apply(s, &error)) {
        showResult(error, true);
        return false;
    }
    m_settings->settings().save();
    if (m_settings->restartRequired())
        showResult(tr("Saved. The new site and workstation id are used for lot codes after the "
                      "console is restarted; everything else is in use now."),
                   false);
    else
        showResult(tr("Saved. The new settings are in use."), false);
    return true;
}

void SettingsPage::browseCa()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("CA certificates"), m_caFile->text(),
                                                      tr("PEM files (*.pem *.crt);;All files (*)"));
    if (!path.isEmpty())
        m_caFile->setText(path);
}

void SettingsPage::showResult(const QString &message, bool error)
{
    m_result->setText(error ? QStringLiteral("⚠ ") + message : QStringLiteral("✓ ") + message);
    m_result->setStyleSheet(error
                                ? QStringLiteral("QLabel { color: #b71c1c; font-weight: bold; }")
                                : QStringLiteral("QLabel { color: #1b5e20; font-weight: bold; }"));
    m_result->show();
}

void SettingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SettingsPage::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_title->setText(tr("Workstation settings"));
    const auto label = [this](QWidget *field, const QString &text) {
        if (auto *l = qobject_cast<QLabel *>(m_form->labelForField(field)))
            l->setText(text);
    };
    const auto labelRow = [this](int row, const QString &text) {
        if (auto *item = m_form->itemAt(row, QFormLayout::LabelRole))
            if (auto *l = qobject_cast<QLabel *>(item->widget()))
                l->setText(text);
    };
    label(m_serverUrl, tr("Server address:"));
    labelRow(1, tr("CA file (https):"));
    label(m_site, tr("Site id:"));
    label(m_workstation, tr("Workstation id:"));
    label(m_language, tr("Language:"));
    label(m_printer, tr("Label printer:"));
    labelRow(6, tr("Label size:"));
    label(m_scannerPrefix, tr("Scanner prefix:"));
    label(m_scannerSuffix, tr("Scanner suffix:"));
    label(m_idleMinutes, tr("Lock after idle minutes:"));
    label(m_shiftStarts, tr("Shift start times:"));
    m_serverUrl->setPlaceholderText(tr("e.g. https://flowviz.plant.local:8443"));
    m_caFile->setPlaceholderText(tr("Empty: the system's certificates"));
    m_caBrowse->setText(tr("Browse…"));
    m_site->setPlaceholderText(tr("2 to 8 letters or digits, e.g. DUNA"));
    m_workstation->setPlaceholderText(tr("2 letters or digits, e.g. 01"));
    m_printer->setItemText(0, tr("Ask each time (or PDF)"));
    m_scannerPrefix->setPlaceholderText(tr("Characters the scanner sends first (usually none)"));
    m_scannerSuffix->setPlaceholderText(tr("Characters the scanner sends last (usually none)"));
    m_idleMinutes->setSpecialValueText(tr("Never"));
    m_shiftStarts->setPlaceholderText(tr("e.g. 06:00, 14:00, 22:00"));
    m_shiftStarts->setToolTip(tr("One to four shifts, in order through the day; the last shift "
                                 "runs on past midnight. The Supervisor page's “This shift” "
                                 "uses them."));
    m_saveButton->setText(tr("Save and apply"));
}

} // namespace flowviz::ui
