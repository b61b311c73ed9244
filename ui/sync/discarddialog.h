#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace flowviz::ui {

// Asks before a refused item is thrown away: says what it is and that it will never reach the
// server, and takes the reason that is kept with it. "Discard" stays off until a reason is
// written; "Keep it" (and Escape) leave the item as it was.
class DiscardDialog : public QDialog
{
    Q_OBJECT

public:
    // `what`: the item in the operator's words ("Lot DEB-… (registration)").
    DiscardDialog(const QString &what, QWidget *parent = nullptr);

    QString reason() const;
    QLineEdit *reasonEdit() const { return m_reason; }
    QPushButton *discardButton() const { return m_discard; }
    QPushButton *keepButton() const { return m_keep; }

    // At least this many non-blank characters.
    static constexpr int kMinReason = 5;

private:
    QLineEdit *m_reason = nullptr;
    QPushButton *m_discard = nullptr;
    QPushButton *m_keep = nullptr;
};

} // namespace flowviz::ui
