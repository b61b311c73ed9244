#pragma once

#include <QDialog>

class QAbstractItemModel;
class QLabel;
class QTableView;

namespace flowviz::ui {

// The lots behind one bar of a supervisor chart, listed in a table.
class DrillDownDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DrillDownDialog(QWidget *parent = nullptr);

    // Shows `model`'s rows; `statusRole` (0: none) colours rows by lot status.
    void setContent(const QString &title, QAbstractItemModel *model, int statusRole = 0);
    void setState(const QString &text);
    QString title() const;
    QString state() const;
    QTableView *view() const { return m_view; }

private:
    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace flowviz::ui
