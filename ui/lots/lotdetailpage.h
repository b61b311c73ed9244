#pragma once

#include <QHash>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QTableWidget;

namespace flowviz::app {
class ApiClient;
class LotDetailLoader;
} // namespace flowviz::app

namespace flowviz::ui {

// One lot's page: its fields, its QC history and its genealogy (parents and children, each
// opened by double-click or Enter).
class LotDetailPage : public QWidget
{
    Q_OBJECT

public:
    explicit LotDetailPage(app::ApiClient *api, QWidget *parent = nullptr);

    QString code() const;
    app::LotDetailLoader *loader() const { return m_loader; }
    QTableWidget *historyTable() const { return m_history; }
    QTableWidget *parentsTable() const { return m_parents; }
    QTableWidget *childrenTable() const { return m_children; }
    // The shown value of a field ("status", "type", "weight_kg", …), for tests.
    QString fieldText(const QString &field) const;

public slots:
    void showLot(const QString &code);
    void handleScan(const QString &code) { showLot(code); }

signals:
    void backRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void build();
    void retranslate();
    void showLoaded();
    void showFailed(const QString &message);

    app::LotDetailLoader *m_loader = nullptr;
    QPushButton *m_back = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QFormLayout *m_form = nullptr;
    QHash<QString, QLabel *> m_values;
    QHash<QString, QLabel *> m_captions;
    QLabel *m_historyLabel = nullptr;
    QLabel *m_parentsLabel = nullptr;
    QLabel *m_childrenLabel = nullptr;
    QTableWidget *m_history = nullptr;
    QTableWidget *m_parents = nullptr;
    QTableWidget *m_children = nullptr;
};

} // namespace flowviz::ui
