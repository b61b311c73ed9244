#pragma once

#include <QMap>
#include <QString>

class QLabel;
class QWidget;

namespace flowviz::ui {

// A hidden, word-wrapped, bold red label for one field's error sentence, shown under the
// field by the pages that validate input.
QLabel *makeFieldErrorLabel(QWidget *parent);

// A page's error labels by field name ("" for the page as a whole): each shows its sentence,
// or hides when it has none.
class FieldMessages
{
public:
    // A new label for `field`, to be placed under it.
    QLabel *add(const QString &field, QWidget *parent);
    // The sentence shown for `field`; empty when none.
    QString text(const QString &field) const;
    // Shows each field's sentence of `messages` and hides the others.
    void show(const QMap<QString, QString> &messages);
    QLabel *label(const QString &field) const { return m_labels.value(field); }

private:
    QMap<QString, QLabel *> m_labels;
};

} // namespace flowviz::ui
