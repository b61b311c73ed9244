#include "ui/common/statusbadge.h"

#include "app/core/domainlabels.h"

#include <QEvent>

namespace flowviz::ui {

StatusBadge::StatusBadge(QWidget *parent) : QLabel(parent)
{
    setMinimumHeight(32);
    setTextFormat(Qt::PlainText);
    refresh();
}

void StatusBadge::setStatus(std::optional<LotStatus> status, bool pending)
{
    m_status = status;
    m_pending = pending;
    refresh();
}

QString StatusBadge::colourFor(LotStatus status)
{
    switch (status) {
    case LotStatus::RELEASED:
    case LotStatus::FINISHED:
        return QStringLiteral("#1b7f3b");
    case LotStatus::HOLD:
    case LotStatus::QUARANTINE:
        return QStringLiteral("#a86500");
    case LotStatus::REJECTED:
        return QStringLiteral("#b00020");
    case LotStatus::CREATED:
    case LotStatus::CONSUMED:
        return QStringLiteral("#455a64");
    }
    return QStringLiteral("#455a64");
}

void StatusBadge::refresh()
{
    if (!m_status) {
        setText(QString());
        setStyleSheet(QString());
        return;
    }
    QString text = app::DomainLabels::lotStatus(*m_status);
    if (m_pending)
        text = tr("%1 — waiting to sync").arg(text);
    setText(text);
    setStyleSheet(QStringLiteral("QLabel { padding: 4px 8px; border-radius: 4px; color: white; "
                                 "font-weight: bold; background: %1; }")
                      .arg(colourFor(*m_status)));
}

void StatusBadge::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QLabel::changeEvent(event);
}

} // namespace flowviz::ui
