#pragma once

#include <QHash>
#include <QPointer>
#include <QStringList>
#include <QTime>
#include <QTimer>
#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;
class QPushButton;

namespace flowviz::app {
class ApiClient;
class HeldLotsModel;
class QcDecisionsModel;
class ServerLotsModel;
class StatsClient;
} // namespace flowviz::app

namespace flowviz::ui {

class ChartPanel;
class DrillDownDialog;
class KpiTile;

// The supervisor's dashboard: KPI tiles (lots, kilograms and first-pass yield today, open
// holds, workstations offline) above six charts of the plant's figures for a chosen range,
// refreshed every 30 s while on screen. The kilograms are always per day (the 7 days ending
// with the range's last day when the range is by the hour). Offline, the last figures stay
// with their age shown. Clicking a bar lists the lots behind it.
class SupervisorPage : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kAutoRefreshMs = 30 * 1000;

    // `storePath` keeps the last figures for when the server cannot be reached.
    SupervisorPage(app::ApiClient *api, const QString &storePath, QWidget *parent = nullptr);
    ~SupervisorPage() override;

    app::StatsClient *stats() const { return m_stats; }
    QStringList chartIds() const { return m_chartIds; }
    ChartPanel *chart(const QString &id) const { return m_charts.value(id); }
    QStringList tileIds() const { return m_tileIds; }
    KpiTile *tile(const QString &id) const { return m_tiles.value(id); }
    QString statusText() const;
    DrillDownDialog *drillDown() const;
    QAbstractItemModel *drillDownModel() const;
    bool isAutoRefreshActive() const { return m_autoRefresh.isActive(); }
    // The number of chart columns the layout uses at the current width.
    int columnCount() const { return m_columns; }

public slots:
    void refresh();
    // Range picker: 0 this shift, 1 today, 2 last 7 days, 3 last 30 days, 4 custom.
    void choosePreset(int index);
    void setCustomRange(QDate first, QDate last);
    // The plant's shift start times for "this shift" (from the console settings); applied at
    // once, and fetched at once while the page is on screen.
    void setShiftStarts(const QList<QTime> &starts);
    // Lists the lots behind bar (`series`, `category`) of chart `chartId`.
    void showDrillDown(const QString &chartId, int series, int category);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void build();
    void retranslate();
    void updateFigures();
    void updateStatus();
    void relayout();
    QString language() const;
    QString rangeText() const;

    app::ApiClient *m_api = nullptr;
    app::StatsClient *m_stats = nullptr;
    app::ServerLotsModel *m_lotsModel = nullptr;
    app::QcDecisionsModel *m_decisions = nullptr;
    app::HeldLotsModel *m_held = nullptr;
    QPointer<DrillDownDialog> m_drillDown;
    QString m_drillKind; // "lots", "qc" or "holds"

    QLabel *m_rangeLabel = nullptr;
    QComboBox *m_range = nullptr;
    QLabel *m_fromLabel = nullptr;
    QDateEdit *m_from = nullptr;
    QLabel *m_toLabel = nullptr;
    QDateEdit *m_to = nullptr;
    QPushButton *m_refresh = nullptr;
    QLabel *m_status = nullptr;
    QStringList m_tileIds;
    QHash<QString, KpiTile *> m_tiles;
    QStringList m_chartIds;
    QHash<QString, ChartPanel *> m_charts;
    QWidget *m_chartArea = nullptr;
    QGridLayout *m_grid = nullptr;
    int m_columns = 0;
    qreal m_fontScale = 1.0;
    QTimer m_autoRefresh;
    QTimer m_ageTimer;
};

} // namespace flowviz::ui
