#include "ui/suppliers/supplierspage.h"

#include "ui/common/fielderror.h"

#include "domain/validation.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace flowviz::ui {

namespace {

constexpr int kTouch = 44;

enum Column
{
    CodeColumn,
    NameColumn,
    ContactColumn,
    ActiveColumn,
    ColumnCount
};

} // namespace

SuppliersPage::SuppliersPage(app::SupplierDirectory *directory, QWidget *parent)
    : QWidget(parent), m_directory(directory)
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
    layout->addWidget(m_title);
    QLabel *pageMessage = m_messages.add(QString(), this);
    pageMessage->setObjectName(QStringLiteral("pageMessage"));
    layout->addWidget(pageMessage);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("suppliers"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(kTouch);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    m_active = new QPushButton(this);
    m_active->setObjectName(QStringLiteral("toggleActive"));
    m_active->setMinimumHeight(kTouch);
    m_active->setEnabled(false);
    layout->addWidget(m_active, 0, Qt::AlignRight);

    m_formTitle = new QLabel(this);
    m_formTitle->setFont(big);
    layout->addWidget(m_formTitle);
    auto *grid = new QGridLayout;
    auto place = [this, grid](QWidget *field, const QString &key, int row, int column) {
        field->setMinimumHeight(kTouch);
        auto *caption = new QLabel(this);
        caption->setBuddy(field);
        m_captions.insert(key, caption);
        auto *box = new QVBoxLayout;
        box->addWidget(field);
        box->addWidget(m_messages.add(key, this));
        grid->addWidget(caption, row, column * 2, Qt::AlignTop | Qt::AlignLeft);
        grid->addLayout(box, row, column * 2 + 1, Qt::AlignTop);
    };
    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("supplierCode"));
    place(m_code, QStringLiteral("supplier_code"), 0, 0);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("supplierName"));
    place(m_name, QStringLiteral("name"), 0, 1);
    m_contact = new QLineEdit(this);
    m_contact->setObjectName(QStringLiteral("supplierContact"));
    place(m_contact, QStringLiteral("contact"), 1, 0);
    m_address = new QPlainTextEdit(this);
    m_address->setObjectName(QStringLiteral("supplierAddress"));
    m_address->setTabChangesFocus(true);
    m_address->setMaximumHeight(3 * kTouch);
    place(m_address, QStringLiteral("address"), 1, 1);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    layout->addLayout(grid);
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("addSupplier"));
    m_add->setMinimumHeight(kTouch);
    layout->addWidget(m_add, 0, Qt::AlignRight);

    connect(m_add, &QPushButton::clicked, this, &SuppliersPage::addSupplier);
    connect(m_active, &QPushButton::clicked, this, &SuppliersPage::toggleSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &SuppliersPage::updateActiveButton);
    connect(m_directory, &app::SupplierDirectory::loaded, this, &SuppliersPage::fillTable);
    connect(m_directory, &app::SupplierDirectory::failed, this,
            [this](const app::SupplierDirectory::Messages &messages) {
                m_pendingCode.clear();
                showMessages(messages);
            });
    connect(m_directory, &app::SupplierDirectory::saved, this, [this](const QString &code) {
        showMessages({});
        if (!m_pendingCode.isEmpty() && code == m_pendingCode) {
            m_code->clear();
            m_name->clear();
            m_address->clear();
            m_contact->clear();
        }
        m_pendingCode.clear();
        emit changed();
    });
    retranslateUi();
}

void SuppliersPage::retranslateUi()
{
    m_title->setText(tr("Suppliers"));
    m_table->setHorizontalHeaderLabels(
        {tr("Code"), tr("Name"), tr("Contact"), tr("Receipts allowed")});
    m_formTitle->setText(tr("Add a supplier"));
    const QList<std::pair<const char *, QString>> captions{{"supplier_code", tr("Code")},
                                                           {"name", tr("Name")},
                                                           {"contact", tr("Contact")},
                                                           {"address", tr("Address")}};
    for (const auto &[key, text] : captions)
        m_captions.value(QLatin1String(key))->setText(text);
    m_code->setPlaceholderText(tr("A-Z, 0-9, - _ . /"));
    m_contact->setPlaceholderText(tr("optional"));
    m_address->setPlaceholderText(tr("optional"));
    m_add->setText(tr("Add supplier"));
    fillTable();
}

void SuppliersPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SuppliersPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();
}

void SuppliersPage::reload()
{
    m_directory->reload();
}

void SuppliersPage::fillTable()
{
    const QString selected = selectedCode();
    const QList<wire::Supplier> list = m_directory->suppliers();
    m_table->setRowCount(int(list.size()));
    for (int row = 0; row < list.size(); ++row) {
        const wire::Supplier &s = list.at(row);
        const QStringList cells{s.supplierCode, s.name, s.contact.value_or(QString()),
                                s.active ? tr("yes") : tr("no — stopped")};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells.at(c)));
    }
    m_table->resizeColumnToContents(CodeColumn);
    m_table->resizeColumnToContents(ActiveColumn);
    if (!selected.isEmpty())
        selectSupplier(selected);
    updateActiveButton();
}

QString SuppliersPage::selectedCode() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_table->item(rows.first().row(), CodeColumn))
        return {};
    return m_table->item(rows.first().row(), CodeColumn)->text();
}

bool SuppliersPage::selectSupplier(const QString &code)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, CodeColumn)->text() == code) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

QStringList SuppliersPage::codes() const
{
    QStringList out;
    for (int row = 0; row < m_table->rowCount(); ++row)
        out << m_table->item(row, CodeColumn)->text();
    return out;
}

void SuppliersPage::updateActiveButton()
{
    const QString code = selectedCode();
    bool active = true;
    for (const wire::Supplier &s : m_directory->suppliers()) {
        if (s.supplierCode == code)
            active = s.active;
    }
    m_active->setEnabled(!code.isEmpty());
    m_active->setText(code.isEmpty() ? tr("Stop receipts from the selected supplier")
                      : active       ? tr("Stop receipts from %1").arg(code)
                                     : tr("Allow receipts from %1 again").arg(code));
}

void SuppliersPage::toggleSelected()
{
    const QString code = selectedCode();
    for (const wire::Supplier &s : m_directory->suppliers()) {
        if (s.supplierCode == code) {
            m_directory->setActive(code, !s.active);
            return;
        }
    }
}

void SuppliersPage::addSupplier()
{
    showMessages({});
    const app::SupplierDirectory::Draft draft{m_code->text(), m_name->text(),
                                              m_address->toPlainText(), m_contact->text()};
    // The form is emptied once the server has the supplier, kept for correction otherwise.
    m_pendingCode = rules::normalizeLotCode(draft.code);
    m_directory->add(draft);
}

QString SuppliersPage::message(const QString &field) const
{
    return m_messages.text(field);
}

void SuppliersPage::showMessages(const app::SupplierDirectory::Messages &messages)
{
    m_messages.show(messages);
    // A rule broken before anything was sent has no page-wide sentence: say where to look.
    if (!messages.isEmpty() && !messages.contains(QString())) {
        QLabel *page = m_messages.label(QString());
        page->setText(tr("The supplier was not added; the reasons are under the fields."));
        page->show();
    }
}

} // namespace flowviz::ui
