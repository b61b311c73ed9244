#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

class QAbstractButton;
class QDialogButtonBox;
class QFormLayout;
class QGridLayout;
class QLabel;
class QLineEdit;

namespace flowviz::ui {

// Lets the operator correct the simple fields of a refused item (lot code, weight, notes ...)
// and a lot's parents (another lot's code, the kilograms taken, or a parent removed, e.g. one
// that QC put on HOLD meanwhile) before it is sent again. Other nested values (checklists) are
// kept as they were. A signed QC decision is shown read-only: any change would break its
// signature.
class CorrectionDialog : public QDialog
{
    Q_OBJECT

public:
    CorrectionDialog(const QJsonObject &payload, const QString &serverMessage,
                     QWidget *parent = nullptr);

    QJsonObject payload() const;
    // Refuses a number field that does not hold an exact number, with a message.
    void accept() override;
    QLineEdit *field(const QString &key) const { return m_fields.value(key); }
    // The lot's parents, one row each, in the order of the refused item.
    int parentCount() const { return int(m_parents.size()); }
    QLineEdit *parentCodeEdit(int row) const { return m_parents.value(row).code; }
    QLineEdit *parentQuantityEdit(int row) const { return m_parents.value(row).quantity; }
    QAbstractButton *parentRemoveButton(int row) const { return m_parents.value(row).remove; }
    // The operator's name for a payload field ("weight_kg": "Weight (kg):").
    static QString fieldLabel(const QString &key);

private:
    struct ParentRow
    {
        QJsonObject original;
        QLineEdit *code = nullptr;
        QLineEdit *quantity = nullptr;
        QAbstractButton *remove = nullptr; // checked: the parent is left out
    };
    void addParents(const QJsonArray &parents, bool readOnly);

    QJsonObject m_original;
    QList<ParentRow> m_parents;
    QGridLayout *m_parentGrid = nullptr;
    QHash<QString, QLineEdit *> m_fields;
    QLabel *m_numberError = nullptr;
};

} // namespace flowviz::ui
