#pragma once

class QLabel;
class QWidget;

namespace flowviz::ui {

// A hidden, word-wrapped, bold red label for one field's error sentence, shown under the
// field by the pages that validate input.
QLabel *makeFieldErrorLabel(QWidget *parent);

} // namespace flowviz::ui
