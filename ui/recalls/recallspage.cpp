#include "ui/recalls/recallspage.h"

#include "ui/common/touchtable.h"
#include "ui/recalls/recallrecordpdf.h"

#include "app/registration/rulemessages.h"

#include "domain/validation.h"

#include <QCheckBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace flowviz::ui {

namespace {

constexpr int kConfirmMs = 10000;

enum RecallColumn
{
    ReferenceColumn,
    LotColumn,
    StatusColumn, // "recall, open", "drill, closed"
    RecallColumnCount
};

enum CustomerColumn
{
    CodeColumn,
    NameColumn,
    ContactColumn,
    KgColumn,
    LeftColumn,
    CustomerColumnCount
};

QString kg(const Decimal &d)
{
    return QLocale().toString(d.toString().toDouble(), 'f', 2);
}

// Where the Save dialogs start.
QString defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

QPushButton *touchButton(const QString &name, QWidget *parent)
{
    auto *button = new QPushButton(parent);
    button->setObjectName(name);
    button->setMinimumHeight(kTouchHeight);
    return button;
}

} // namespace

RecallsPage::RecallsPage(app::RecallDesk *desk, QWidget *parent)
    : QWidget(parent), m_desk(desk), m_frame(this, m_messages, QStringLiteral("recallsBody"))
{
    m_title = m_frame.title();
    QVBoxLayout *layout = m_frame.body();

    // The recalls and drills, and the form that opens another.
    auto *top = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    m_listTitle = new QLabel(this);
    left->addWidget(m_listTitle);
    m_recalls = touchTable(RecallColumnCount, QStringLiteral("recalls"), this);
    m_recalls->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_recalls->horizontalHeader()->setSectionResizeMode(StatusColumn, QHeaderView::Stretch);
    m_recalls->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_recalls->setWordWrap(true); // the status wraps, so that the lot code shows whole
    m_recalls->setMinimumHeight(3 * kTouchHeight);
    left->addWidget(m_recalls, 1);
    top->addLayout(left, 5);

    auto *form = new QVBoxLayout;
    m_formTitle = new QLabel(this);
    form->addWidget(m_formTitle);
    const auto field = [this, form](QWidget *widget, const QString &key) {
        auto *caption = new QLabel(this);
        caption->setBuddy(widget);
        caption->setWordWrap(true);
        m_captions.insert(key, caption);
        form->addWidget(caption);
        form->addWidget(widget);
        form->addWidget(m_messages.add(key, this));
    };
    m_lot = new QLineEdit(this);
    m_lot->setObjectName(QStringLiteral("lotCode"));
    m_lot->setMinimumHeight(kTouchHeight);
    field(m_lot, QStringLiteral("lot_code"));
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setTabChangesFocus(true);
    m_reason->setFixedHeight(2 * kTouchHeight);
    field(m_reason, QStringLiteral("reason"));
    m_drill = new QCheckBox(this);
    m_drill->setObjectName(QStringLiteral("drill"));
    m_drill->setMinimumHeight(kTouchHeight);
    form->addWidget(m_drill);
    m_open = touchButton(QStringLiteral("openRecall"), this);
    form->addWidget(m_open);
    // What the second touch will do, in full (the button keeps a short text: a long one would
    // widen the page past the screen).
    m_confirm = new QLabel(this);
    m_confirm->setObjectName(QStringLiteral("confirmOpen"));
    m_confirm->setWordWrap(true);
    m_confirm->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; font-weight: bold; }"));
    m_confirm->hide();
    form->addWidget(m_confirm);
    form->addStretch(1);
    top->addLayout(form, 3);
    layout->addLayout(top, 1);

    // The chosen recall: who to call, its papers, its closing.
    m_current = new QLabel(this);
    m_current->setObjectName(QStringLiteral("currentRecall"));
    m_current->setWordWrap(true);
    m_current->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_current);
    m_customers = touchTable(CustomerColumnCount, QStringLiteral("customers"), this);
    m_customers->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_customers->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_customers->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_customers->setMinimumHeight(3 * kTouchHeight);
    layout->addWidget(m_customers, 1);
    auto *papers = new QHBoxLayout;
    m_pdf = touchButton(QStringLiteral("savePdf"), this);
    m_workbook = touchButton(QStringLiteral("saveWorkbook"), this);
    papers->addWidget(m_pdf);
    papers->addWidget(m_workbook);
    papers->addStretch(1);
    layout->addLayout(papers);
    auto *closing = new QGridLayout;
    auto *noteCaption = new QLabel(this);
    m_captions.insert(QStringLiteral("note"), noteCaption);
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("closeNote"));
    m_note->setMinimumHeight(kTouchHeight);
    noteCaption->setBuddy(m_note);
    m_close = touchButton(QStringLiteral("closeRecall"), this);
    closing->addWidget(noteCaption, 0, 0, 1, 2);
    closing->addWidget(m_note, 1, 0);
    closing->addWidget(m_close, 1, 1);
    closing->addWidget(m_messages.add(QStringLiteral("note"), this), 2, 0, 1, 2);
    closing->setColumnStretch(0, 1);
    layout->addLayout(closing);

    m_disarm.setSingleShot(true);
    m_disarm.setInterval(kConfirmMs);
    connect(&m_disarm, &QTimer::timeout, this, &RecallsPage::disarm);
    connect(m_open, &QPushButton::clicked, this, &RecallsPage::openTouched);
    connect(m_close, &QPushButton::clicked, this, &RecallsPage::closeTouched);
    connect(m_pdf, &QPushButton::clicked, this, &RecallsPage::askPdf);
    connect(m_workbook, &QPushButton::clicked, this, &RecallsPage::askWorkbook);
    // Whatever changes after the first touch needs a first touch again.
    connect(m_lot, &QLineEdit::textEdited, this, &RecallsPage::disarm);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &RecallsPage::disarm);
    connect(m_drill, &QCheckBox::toggled, this, &RecallsPage::disarm);
    connect(m_note, &QLineEdit::textEdited, this, &RecallsPage::disarm);
    connect(m_lot, &QLineEdit::returnPressed, this, [this] { m_reason->setFocus(); });
    connect(m_recalls, &QTableWidget::itemSelectionChanged, this, [this] {
        if (m_filling)
            return;
        const auto rows = m_recalls->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            m_desk->select(m_recalls->item(rows.first().row(), ReferenceColumn)->text());
    });

    connect(m_desk, &app::RecallDesk::loaded, this, &RecallsPage::fillRecalls);
    connect(m_desk, &app::RecallDesk::currentChanged, this, &RecallsPage::showCurrent);
    connect(m_desk, &app::RecallDesk::failed, this, [this](const auto &messages) {
        showMessages(messages);
        setNotice({});
    });
    connect(m_desk, &app::RecallDesk::opened, this, [this](const QString &reference, bool drill) {
        showMessages({});
        const auto current = m_desk->current();
        const int held = current ? current->heldCount : 0;
        const int customers = current ? current->customerCount : 0;
        setNotice(drill ? tr("Drill %1 is recorded. Customers it reached: %2. Nothing was put on "
                             "HOLD.")
                              .arg(reference)
                              .arg(customers)
                        : tr("Recall %1 is open. Lots put on HOLD: %2. Customers to contact: %3.")
                              .arg(reference)
                              .arg(held)
                              .arg(customers));
        m_lot->clear();
        m_reason->clear();
        m_drill->setChecked(false);
        disarm();
    });
    connect(m_desk, &app::RecallDesk::closed, this, [this](const QString &reference) {
        showMessages({});
        setNotice(tr("Recall %1 is closed.").arg(reference));
        m_note->clear();
    });
    connect(m_desk, &app::RecallDesk::saved, this, [this](const QString &path) {
        showMessages({});
        setNotice(tr("The workbook was saved to %1.").arg(QDir::toNativeSeparators(path)));
    });
    retranslateUi();
    showCurrent();
}

void RecallsPage::setUser(const QString &name, bool canChange)
{
    m_user = name;
    m_canChange = canChange;
    disarm();
    showCurrent();
}

void RecallsPage::retranslateUi()
{
    m_title->setText(tr("Recalls"));
    m_listTitle->setText(tr("Recalls and drills, newest first"));
    m_recalls->setHorizontalHeaderLabels({tr("Reference"), tr("Lot"), tr("Status")});
    m_formTitle->setText(tr("Recall a lot"));
    m_captions.value(QStringLiteral("lot_code"))
        ->setText(tr("Lot: scan its label or type its "
                     "code"));
    m_captions.value(QStringLiteral("reason"))->setText(tr("Reason"));
    m_captions.value(QStringLiteral("note"))
        ->setText(tr("Closing note: what was done, and why the recall can close"));
    m_reason->setPlaceholderText(tr("e.g. supplier reported Listeria in its lot"));
    m_drill->setText(tr("Drill (trace test): nothing is put on HOLD"));
    m_customers->setHorizontalHeaderLabels(
        {tr("Customer"), tr("Name"), tr("Contact"), tr("kg"), tr("Left the plant")});
    m_pdf->setText(tr("Save PDF report…"));
    m_workbook->setText(tr("Save workbook (XLSX)…"));
    disarm();
    fillRecalls();
    showCurrent();
}

void RecallsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RecallsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();
}

void RecallsPage::reload()
{
    m_desk->reload();
}

void RecallsPage::fillRecalls()
{
    m_filling = true;
    const QList<wire::Recall> recalls = m_desk->recalls();
    m_recalls->setRowCount(int(recalls.size()));
    for (int row = 0; row < recalls.size(); ++row) {
        const wire::Recall &r = recalls.at(row);
        const QString kind = r.drill ? tr("drill") : tr("recall");
        const QString state = r.status == RecallStatus::OPEN ? tr("open") : tr("closed");
        const QStringList cells{r.reference, r.lotCode, kind + QStringLiteral(", ") + state};
        for (int c = 0; c < cells.size(); ++c)
            m_recalls->setItem(row, c, new QTableWidgetItem(cells.at(c)));
    }
    m_recalls->clearSelection();
    if (const auto current = m_desk->current())
        selectRecall(current->reference);
    m_filling = false;
}

void RecallsPage::showCurrent()
{
    const auto current = m_desk->current();
    if (!current) {
        m_current->setText(tr("No recall chosen: choose one from the list, or recall a lot."));
        m_customers->setRowCount(0);
    } else {
        const wire::Recall &r = *current;
        QString text =
            (r.drill ? tr("Drill %1 of lot %2 (%3), opened %4 by %5")
                     : tr("Recall %1 of lot %2 (%3), opened %4 by %5"))
                .arg(r.reference, r.lotCode,
                     r.status == RecallStatus::OPEN ? tr("open") : tr("closed"),
                     QLocale().toString(r.openedAt.toLocalTime(), QLocale::ShortFormat),
                     r.openedBy) +
            QStringLiteral("\n") + tr("Reason: %1").arg(r.reason) + QStringLiteral("\n") +
            tr("Lots in the set: %1, put on HOLD: %2. Customers: %3, dispatched to them: %4 kg. "
               "Traced in %5 ms.")
                .arg(r.lotCount)
                .arg(r.heldCount)
                .arg(r.customerCount)
                .arg(kg(r.dispatchedKg), app::RuleMessages::asTyped(r.traceMs.toString()));
        if (r.closeNote)
            text += QStringLiteral("\n") +
                    tr("Closed by %1: %2").arg(r.closedBy.value_or(QString()), *r.closeNote);
        m_current->setText(text);
        m_customers->setRowCount(int(r.customers.size()));
        for (int row = 0; row < r.customers.size(); ++row) {
            const wire::RecallCustomer &c = r.customers.at(row);
            const QStringList cells{c.customerCode, c.name, c.contact.value_or(QString()),
                                    kg(c.quantityKg), c.dispatched ? tr("yes") : tr("no")};
            for (int col = 0; col < cells.size(); ++col)
                m_customers->setItem(row, col, new QTableWidgetItem(cells.at(col)));
        }
    }
    const bool chosen = current.has_value();
    m_pdf->setEnabled(chosen);
    m_workbook->setEnabled(chosen);
    const bool closable = chosen && current->status == RecallStatus::OPEN && m_canChange;
    m_note->setEnabled(closable);
    m_close->setEnabled(closable);
    m_lot->setEnabled(m_canChange);
    m_reason->setEnabled(m_canChange);
    m_drill->setEnabled(m_canChange);
    m_open->setEnabled(m_canChange);
}

void RecallsPage::handleScan(const QString &code)
{
    if (!m_canChange)
        return;
    showMessages({});
    setNotice({});
    disarm();
    m_lot->setText(code.trimmed());
    m_reason->setFocus();
}

void RecallsPage::openTouched()
{
    const app::RecallDesk::Draft draft{m_lot->text(), m_reason->toPlainText(),
                                       m_drill->isChecked()};
    if (m_armed != Armed::Open) {
        disarm();
        const auto problems = m_desk->validate(draft);
        showMessages(problems);
        setNotice({});
        if (!problems.isEmpty())
            return;
        m_armed = Armed::Open;
        const QString lot = rules::normalizeLotCode(draft.lotCode);
        m_open->setText(tr("Touch again to confirm"));
        m_confirm->setText(draft.drill
                               ? tr("Touch again within 10 seconds to run the drill for lot %1. "
                                    "Nothing is put on HOLD.")
                                     .arg(lot)
                               : tr("Touch again within 10 seconds to recall lot %1: every "
                                    "affected lot still in the plant goes on HOLD.")
                                     .arg(lot));
        m_confirm->show();
        m_disarm.start();
        return;
    }
    disarm();
    showMessages({});
    m_desk->open(draft);
}

void RecallsPage::closeTouched()
{
    const auto current = m_desk->current();
    if (!current)
        return;
    if (m_armed != Armed::Close) {
        disarm();
        const auto problems = m_desk->validateNote(m_note->text());
        showMessages(problems);
        setNotice({});
        if (!problems.isEmpty())
            return;
        m_armed = Armed::Close;
        m_close->setText(tr("Touch again to close %1").arg(current->reference));
        m_disarm.start();
        return;
    }
    disarm();
    showMessages({});
    m_desk->closeCurrent(m_note->text());
}

void RecallsPage::disarm()
{
    m_armed = Armed::None;
    m_disarm.stop();
    m_confirm->hide();
    m_open->setText(m_drill->isChecked() ? tr("Run drill") : tr("Recall lot"));
    m_close->setText(tr("Close recall"));
}

void RecallsPage::askPdf()
{
    const auto current = m_desk->current();
    if (!current)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the recall's PDF report"),
        QDir(defaultDirectory()).filePath(RecallRecordPdf::fileName(*current)),
        tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        savePdf(path);
}

void RecallsPage::askWorkbook()
{
    const auto current = m_desk->current();
    if (!current)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the recall's workbook"),
        QDir(defaultDirectory())
            .filePath(QStringLiteral("flowviz-recall-%1.xlsx").arg(current->reference)),
        tr("Excel workbooks (*.xlsx)"));
    if (!path.isEmpty())
        saveWorkbook(path);
}

bool RecallsPage::savePdf(const QString &path)
{
    const auto current = m_desk->current();
    if (!current)
        return false;
    QString error;
    if (!RecallRecordPdf::write(*current, m_user, path, &error)) {
        showMessages({{QString(), error}});
        setNotice({});
        return false;
    }
    showMessages({});
    setNotice(tr("The PDF report was saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

void RecallsPage::saveWorkbook(const QString &path)
{
    showMessages({});
    setNotice({});
    m_desk->saveWorkbook(path);
}

bool RecallsPage::selectRecall(const QString &reference)
{
    const int row = rowOf(m_recalls, ReferenceColumn, reference);
    if (row < 0)
        return false;
    const bool filling = m_filling;
    m_filling = true;
    m_recalls->selectRow(row);
    m_filling = filling;
    if (!m_desk->current() || m_desk->current()->reference != reference)
        m_desk->select(reference);
    return true;
}

QStringList RecallsPage::recallReferences() const
{
    return columnTexts(m_recalls, ReferenceColumn);
}

QString RecallsPage::message(const QString &field) const
{
    return m_messages.text(field);
}

QString RecallsPage::notice() const
{
    return m_frame.notice();
}

void RecallsPage::setNotice(const QString &text)
{
    m_frame.setNotice(text);
}

void RecallsPage::showMessages(const app::RecallDesk::Messages &messages)
{
    m_messages.show(messages);
}

} // namespace flowviz::ui
