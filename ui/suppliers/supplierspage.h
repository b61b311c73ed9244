#pragma once

#include "app/suppliers/supplierdirectory.h"
#include "ui/common/fielderror.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace flowviz::ui {

// Suppliers for managers and administrators: the list (code, name, contact, whether receipts
// may name it), a form that adds one, and a button that stops or resumes receipts from the
// selected one. Every change is made on the server; the workstations' lists follow at their
// next refresh (changed() asks for one here at once).
class SuppliersPage : public QWidget
{
    Q_OBJECT

public:
    explicit SuppliersPage(app::SupplierDirectory *directory, QWidget *parent = nullptr);

    // For tests.
    QTableWidget *table() const { return m_table; }
    QLineEdit *codeEdit() const { return m_code; }
    QLineEdit *nameEdit() const { return m_name; }
    QPlainTextEdit *addressEdit() const { return m_address; }
    QLineEdit *contactEdit() const { return m_contact; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *activeButton() const { return m_active; }
    // The inline message of a field ("supplier_code", "name", "address", "contact", or "" for
    // the page), empty when none.
    QString message(const QString &field) const;
    QStringList codes() const;
    bool selectSupplier(const QString &code);

public slots:
    void reload();
    void addSupplier();
    void toggleSelected();

signals:
    // A supplier was added or changed on the server.
    void changed();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillTable();
    void showMessages(const app::SupplierDirectory::Messages &messages);
    void updateActiveButton();
    QString selectedCode() const;

    app::SupplierDirectory *m_directory;
    QLabel *m_title = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_active = nullptr;
    QLabel *m_formTitle = nullptr;
    QMap<QString, QLabel *> m_captions;
    QLineEdit *m_code = nullptr;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_address = nullptr;
    QLineEdit *m_contact = nullptr;
    QPushButton *m_add = nullptr;
    FieldMessages m_messages;
    QString m_pendingCode; // the supplier being added
};

} // namespace flowviz::ui
