#include "correctiondialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowviz::ui {

namespace {

// Fields the operator never edits: identities and time stamps the console sets.
bool isInternal(const QString &key)
{
    return key == QLatin1String("id") || key == QLatin1String("lot_id") ||
           key.endsWith(QLatin1String("_at"));
}

} // namespace

QString CorrectionDialog::fieldLabel(const QString &key)
{
    if (key == QLatin1String("lot_code"))
        return tr("Lot code:");
    if (key == QLatin1String("lot_type"))
        return tr("Lot type:");
    if (key == QLatin1String("weight_kg"))
        return tr("Weight (kg):");
    if (key == QLatin1String("temperature_c"))
        return tr("Temperature (°C):");
    if (key == QLatin1String("run_code"))
        return tr("Production run:");
    if (key == QLatin1String("decision"))
        return tr("Decision:");
    if (key == QLatin1String("gate_number"))
        return tr("QC gate:");
    if (key == QLatin1String("notes"))
        return tr("Notes:");
    if (key == QLatin1String("corrective_action"))
        return tr("Corrective action:");
    if (key == QLatin1String("workstation_id"))
        return tr("Workstation:");
    return key + QLatin1Char(':');
}

CorrectionDialog::CorrectionDialog(const QJsonObject &payload, const QString &serverMessage,
                                   QWidget *parent)
    : QDialog(parent), m_original(payload)
{
    setWindowTitle(tr("Correct and send again"));
    auto *layout = new QVBoxLayout(this);
    auto *message = new QLabel(tr("The server said: %1").arg(serverMessage), this);
    message->setWordWrap(true);
    layout->addWidget(message);
    // A signature covers every field: an edited record would no longer be the one signed.
    const bool isSigned = payload.value(QStringLiteral("signature")).isObject();
    if (isSigned) {
        auto *note = new QLabel(
            tr("This decision is signed electronically, so it cannot be changed here: the "
               "signature covers every field. If the server's message names a mistake, discard "
               "it and record the decision again on the QC decision page; it is signed again "
               "there."),
            this);
        note->setObjectName(QStringLiteral("signedNote"));
        note->setWordWrap(true);
        layout->addWidget(note);
    }

    auto *form = new QFormLayout;
    QStringList keys = payload.keys();
    // The lot code first: it is what is most often corrected.
    if (keys.removeOne(QStringLiteral("lot_code")))
        keys.prepend(QStringLiteral("lot_code"));
    for (const QString &key : std::as_const(keys)) {
        const QJsonValue value = payload.value(key);
        if (isInternal(key) || !(value.isString() || value.isDouble()))
            continue;
        auto *edit = new QLineEdit(
            value.isString() ? value.toString() : QString::number(value.toDouble()), this);
        edit->setObjectName(QStringLiteral("field_") + key);
        edit->setMinimumHeight(44);
        edit->setReadOnly(isSigned);
        form->addRow(fieldLabel(key), edit);
        m_fields.insert(key, edit);
    }
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(this);
    auto *send = buttons->addButton(tr("Send again"), QDialogButtonBox::AcceptRole);
    auto *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    send->setMinimumHeight(48);
    send->setEnabled(!isSigned);
    cancel->setMinimumHeight(48);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QJsonObject CorrectionDialog::payload() const
{
    QJsonObject out = m_original;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QString text = it.value()->text().trimmed();
        if (m_original.value(it.key()).isDouble()) {
            bool ok = false;
            const double number = text.toDouble(&ok);
            if (ok)
                out.insert(it.key(), number);
        } else {
            out.insert(it.key(), text);
        }
    }
    return out;
}

} // namespace flowviz::ui
