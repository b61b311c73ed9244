#pragma once

#include <QString>

class QFont;
class QLabel;
class QVBoxLayout;
class QWidget;

namespace flowviz::ui {

class FieldMessages;

// The frame of a page with forms (Dispatch, Recalls): a big title, the line for the page's own
// message (FieldMessages' "" field), a green notice of the last thing that went well, and a
// body that scrolls when the screen is short (the wheel and the scroll bar; no touch gesture,
// which Qt 6.4 leaks).
class PageFrame
{
public:
    PageFrame(QWidget *page, FieldMessages &messages, const QString &bodyName);

    QLabel *title() const { return m_title; }
    QVBoxLayout *body() const { return m_body; }
    QFont bigFont() const;
    // Empty hides it.
    void setNotice(const QString &text);
    QString notice() const;

private:
    QLabel *m_title;
    QLabel *m_notice;
    QVBoxLayout *m_body;
};

} // namespace flowviz::ui
