#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonObject>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace flowviz::ui {

// Lets the operator correct the simple fields of a refused item (lot code, weight, notes ...)
// before it is sent again. Nested values (parents, checklists) are kept as they were. A signed
// QC decision is shown read-only: any change would break its signature.
class CorrectionDialog : public QDialog
{
    Q_OBJECT

public:
    CorrectionDialog(const QJsonObject &payload, const QString &serverMessage,
                     QWidget *parent = nullptr);

    QJsonObject payload() const;
    QLineEdit *field(const QString &key) const { return m_fields.value(key); }
    // The operator's name for a payload field ("weight_kg": "Weight (kg):").
    static QString fieldLabel(const QString &key);

private:
    QJsonObject m_original;
    QHash<QString, QLineEdit *> m_fields;
};

} // namespace flowviz::ui
