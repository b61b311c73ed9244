#include "ui/common/pageframe.h"

#include "ui/common/fielderror.h"

#include <QFont>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace flowviz::ui {

PageFrame::PageFrame(QWidget *page, FieldMessages &messages, const QString &bodyName)
{
    auto *outer = new QVBoxLayout(page);
    m_title = new QLabel(page);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
    outer->addWidget(m_title);
    QLabel *pageMessage = messages.add(QString(), page);
    pageMessage->setObjectName(QStringLiteral("pageMessage"));
    outer->addWidget(pageMessage);
    m_notice = new QLabel(page);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("QLabel { color: #1b5e20; font-weight: bold; }"));
    m_notice->hide();
    outer->addWidget(m_notice);
    auto *scroll = new QScrollArea(page);
    scroll->setObjectName(bodyName);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *body = new QWidget(scroll);
    m_body = new QVBoxLayout(body);
    m_body->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(body);
    outer->addWidget(scroll, 1);
}

QFont PageFrame::bigFont() const
{
    return m_title->font();
}

void PageFrame::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString PageFrame::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

} // namespace flowviz::ui
