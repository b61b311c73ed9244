#pragma once

#include <QWidget>

class QComboBox;
class QDateEdit;
class QCheckBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QTimer;

namespace flowviz::app {
class ApiClient;
class LocalCache;
class ServerLotsModel;
} // namespace flowviz::app

namespace flowviz::ui {

class LotDetailPage;

// The lots list: a search box and filters over the server's lots, paged as the operator
// scrolls; status by colour and by text. Double-click or Enter opens the lot's page.
class LotsPage : public QWidget
{
    Q_OBJECT

public:
    // Offline, the list shows the lots cached in `cache` (may be null).
    LotsPage(app::ApiClient *api, app::LocalCache *cache, QWidget *parent = nullptr);

    app::ServerLotsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    LotDetailPage *detailPage() const { return m_detail; }
    bool isShowingDetail() const;
    // The line under the filters: loading, offline, an error, or how many lots are shown.
    QString stateText() const;

public slots:
    // Opens the scanned lot's page.
    void handleScan(const QString &code);
    void openLot(const QString &code);
    void showList();
    void applyFilters();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void build();
    void retranslate();
    void fillCombos();

    app::ApiClient *m_api = nullptr;
    app::ServerLotsModel *m_model = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_listPage = nullptr;
    LotDetailPage *m_detail = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_status = nullptr;
    QLineEdit *m_run = nullptr;
    QCheckBox *m_useDates = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_runLabel = nullptr;
    QLabel *m_fromLabel = nullptr;
    QLabel *m_toLabel = nullptr;
    QTableView *m_view = nullptr;
    QTimer *m_debounce = nullptr;
};

} // namespace flowviz::ui
