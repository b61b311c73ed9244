#include "ui/sync/correctiondialog.h"

#include "app/registration/rulemessages.h"

#include "domain/decimal.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
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

// A number of the payload written as the operator types it here ("12,5" in Hungarian).
QString typedText(const QJsonValue &value)
{
    const auto exact = Decimal::fromJson(value);
    QString text = exact ? exact->toString() : QString::number(value.toDouble());
    return app::RuleMessages::asTyped(text);
}

// A number as the operator typed it: exact, '.' or the locale's decimal point, no group
// separators.
std::optional<Decimal> typedNumber(const QString &text)
{
    return Decimal::parseTyped(text, QLocale().decimalPoint());
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
        auto *edit = new QLineEdit(value.isString() ? value.toString() : typedText(value), this);
        edit->setObjectName(QStringLiteral("field_") + key);
        edit->setMinimumHeight(44);
        edit->setReadOnly(isSigned);
        form->addRow(fieldLabel(key), edit);
        m_fields.insert(key, edit);
    }
    layout->addLayout(form);
    const QJsonArray parents = payload.value(QStringLiteral("parents")).toArray();
    if (!parents.isEmpty()) {
        auto *box = new QGroupBox(tr("Made from (parent lots)"), this);
        box->setObjectName(QStringLiteral("parents"));
        auto *grid = new QGridLayout(box);
        grid->addWidget(new QLabel(tr("Lot code"), box), 0, 0);
        grid->addWidget(new QLabel(tr("kg taken"), box), 0, 1);
        layout->addWidget(box);
        m_parentGrid = grid;
        addParents(parents, isSigned);
    }

    m_numberError = new QLabel(this);
    m_numberError->setObjectName(QStringLiteral("numberError"));
    m_numberError->setWordWrap(true);
    m_numberError->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; font-weight: bold; }"));
    m_numberError->hide();
    layout->addWidget(m_numberError);

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

void CorrectionDialog::addParents(const QJsonArray &parents, bool readOnly)
{
    QWidget *box = m_parentGrid->parentWidget();
    for (qsizetype i = 0; i < parents.size(); ++i) {
        const QJsonObject parent = parents.at(i).toObject();
        ParentRow row;
        row.original = parent;
        row.code = new QLineEdit(parent.value(QStringLiteral("lot_code")).toString(), box);
        row.code->setObjectName(QStringLiteral("parent_code_%1").arg(i));
        const QJsonValue kg = parent.value(QStringLiteral("quantity_used_kg"));
        const auto exact = Decimal::fromJson(kg);
        // Shown the way the operator types numbers here (the locale's decimal point).
        row.quantity = new QLineEdit(
            exact ? app::RuleMessages::asTyped(exact->toString()) : kg.toString(), box);
        row.quantity->setObjectName(QStringLiteral("parent_kg_%1").arg(i));
        auto *remove = new QPushButton(tr("Remove"), box);
        remove->setObjectName(QStringLiteral("parent_remove_%1").arg(i));
        remove->setCheckable(true);
        row.remove = remove;
        for (QWidget *w : {static_cast<QWidget *>(row.code), static_cast<QWidget *>(row.quantity),
                           static_cast<QWidget *>(remove)})
            w->setMinimumHeight(44);
        row.code->setReadOnly(readOnly);
        row.quantity->setReadOnly(readOnly);
        remove->setEnabled(!readOnly);
        connect(remove, &QPushButton::toggled, this,
                [remove, code = row.code, quantity = row.quantity](bool removed) {
                    remove->setText(removed ? tr("Removed: keep it") : tr("Remove"));
                    code->setEnabled(!removed);
                    quantity->setEnabled(!removed);
                });
        const int r = int(i) + 1;
        m_parentGrid->addWidget(row.code, r, 0);
        m_parentGrid->addWidget(row.quantity, r, 1);
        m_parentGrid->addWidget(remove, r, 2);
        m_parents.append(row);
    }
}

QJsonObject CorrectionDialog::payload() const
{
    QJsonObject out = m_original;
    if (!m_parents.isEmpty()) {
        // Codes as typed (the server normalises and checks them), kilograms exact as typed.
        QJsonArray parents;
        for (const ParentRow &row : m_parents) {
            if (row.remove->isChecked())
                continue;
            QJsonObject parent = row.original;
            parent.insert(QStringLiteral("lot_code"), row.code->text().trimmed());
            const QString kg = row.quantity->text().trimmed();
            const auto exact = typedNumber(kg);
            parent.insert(QStringLiteral("quantity_used_kg"),
                          exact ? exact->toJson() : QJsonValue(kg));
            parents.append(parent);
        }
        out.insert(QStringLiteral("parents"), parents);
    }
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QString text = it.value()->text().trimmed();
        if (m_original.value(it.key()).isDouble()) {
            if (const auto number = typedNumber(text))
                out.insert(it.key(), number->toJson());
        } else {
            out.insert(it.key(), text);
        }
    }
    return out;
}

void CorrectionDialog::accept()
{
    // A number that cannot be read exactly is refused here, not sent as it was.
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QString text = it.value()->text().trimmed();
        if (!m_original.value(it.key()).isDouble() || typedNumber(text))
            continue;
        const QString example = app::RuleMessages::asTyped(QStringLiteral("12.50"));
        m_numberError->setText(tr("%1 \"%2\" is not a number. Type it like %3, without "
                                  "thousands separators.")
                                   .arg(fieldLabel(it.key()), text, example));
        m_numberError->show();
        it.value()->setFocus(Qt::OtherFocusReason);
        return;
    }
    for (const ParentRow &row : m_parents) {
        const QString kg = row.quantity->text().trimmed();
        if (row.remove->isChecked() || typedNumber(kg))
            continue;
        const QString example = app::RuleMessages::asTyped(QStringLiteral("12.50"));
        m_numberError->setText(tr("\"%1\" kg taken from lot %2 is not a number. Type it like %3, "
                                  "without thousands separators.")
                                   .arg(kg, row.code->text().trimmed(), example));
        m_numberError->show();
        row.quantity->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_numberError->hide();
    QDialog::accept();
}

} // namespace flowviz::ui
