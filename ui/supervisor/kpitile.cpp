#include "ui/supervisor/kpitile.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace flowviz::ui {

KpiTile::KpiTile(QWidget *parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    // As tall as the wrapped caption and note need at the width the tile gets: a fixed height
    // (the size hint's) cuts them on a narrow screen.
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("caption"));
    m_caption->setWordWrap(true);
    m_value = new QLabel(this);
    m_value->setObjectName(QStringLiteral("value"));
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setWordWrap(true);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_note);
    applyFonts();
    applyStyle();
}

void KpiTile::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        applyFonts();
    QFrame::changeEvent(event);
}

void KpiTile::applyFonts()
{
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    m_value->setFont(big);
}

void KpiTile::setCaption(const QString &caption)
{
    m_caption->setText(caption);
    setAccessibleName(caption);
}

void KpiTile::setValue(const QString &value, const QString &note, State state)
{
    m_value->setText(value);
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    m_state = state;
    setAccessibleDescription(note.isEmpty() ? value : value + u' ' + note);
    applyStyle();
}

QString KpiTile::caption() const
{
    return m_caption->text();
}

QString KpiTile::value() const
{
    return m_value->text();
}

QString KpiTile::note() const
{
    return m_note->text();
}

void KpiTile::applyStyle()
{
    // Okabe–Ito orange and vermillion borders; the text on the tile carries the meaning.
    QString border = QStringLiteral("#8a8a8a");
    QString background = QStringLiteral("#ffffff");
    if (m_state == State::Attention) {
        border = QStringLiteral("#e69f00");
        background = QStringLiteral("#fff4dc");
    } else if (m_state == State::Alert) {
        border = QStringLiteral("#d55e00");
        background = QStringLiteral("#fde3d6");
    }
    setStyleSheet(QStringLiteral("flowviz--ui--KpiTile { background: %1; border: 2px solid %2; "
                                 "border-radius: 6px; } QLabel { color: #1a1a1a; }")
                      .arg(background, border));
}

} // namespace flowviz::ui
