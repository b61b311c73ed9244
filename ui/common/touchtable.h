#pragma once

#include <QString>
#include <QStringList>

class QTableWidget;
class QWidget;

namespace flowviz::ui {

// The height of anything a gloved finger touches.
inline constexpr int kTouchHeight = 44;

// A read-only table of whole rows, one chosen at a time, rows as tall as a touch, no row
// numbers.
QTableWidget *touchTable(int columns, const QString &objectName, QWidget *parent);
// The texts of one column, top to bottom.
QStringList columnTexts(const QTableWidget *table, int column);
// The first row whose `column` reads `text`, or -1.
int rowOf(const QTableWidget *table, int column, const QString &text);

} // namespace flowviz::ui
