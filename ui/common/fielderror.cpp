#include "ui/common/fielderror.h"

#include <QLabel>

namespace flowviz::ui {

QLabel *makeFieldErrorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(QStringLiteral("QLabel { color: #b00020; font-weight: bold; }"));
    label->hide();
    return label;
}

QLabel *FieldMessages::add(const QString &field, QWidget *parent)
{
    QLabel *label = makeFieldErrorLabel(parent);
    m_labels.insert(field, label);
    return label;
}

QString FieldMessages::text(const QString &field) const
{
    const QLabel *label = m_labels.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void FieldMessages::show(const QMap<QString, QString> &messages)
{
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it) {
        const QString text = messages.value(it.key());
        it.value()->setText(text);
        it.value()->setVisible(!text.isEmpty());
    }
}

} // namespace flowviz::ui
