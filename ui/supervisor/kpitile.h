#pragma once

#include <QFrame>

class QLabel;

namespace flowviz::ui {

// One key figure above the supervisor's charts: a caption, a large value and a note. A tile
// that needs attention says so with a symbol and words as well as its colour.
class KpiTile : public QFrame
{
    Q_OBJECT

public:
    enum class State
    {
        Normal,
        Attention,
        Alert
    };

    explicit KpiTile(QWidget *parent = nullptr);

    void setCaption(const QString &caption);
    void setValue(const QString &value, const QString &note = {}, State state = State::Normal);
    QString caption() const;
    QString value() const;
    QString note() const;
    State state() const { return m_state; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyStyle();
    void applyFonts();

    QLabel *m_caption = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_note = nullptr;
    State m_state = State::Normal;
};

} // namespace flowviz::ui
