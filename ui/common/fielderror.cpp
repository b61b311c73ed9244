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

} // namespace flowviz::ui
