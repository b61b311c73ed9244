#pragma once

#include "app/trace/recallreport.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTreeView;

namespace flowviz::app {
class ApiClient;
class RecallModel;
class Session;
class TraceService;
} // namespace flowviz::app

namespace flowviz::ui {

// Traceability and recall: scan or type a lot; its backward (where it came from) and forward
// (where it went) trees across every level; for a suspect lot the recall table, exported as
// CSV and as a PDF report.
class TracePage : public QWidget
{
    Q_OBJECT

public:
    // Reports are signed by whoever is logged in to `session` when they are made.
    TracePage(app::ApiClient *api, app::Session *session, QWidget *parent = nullptr);
    // For tests and tools without a session; `userName` signs the reports.
    TracePage(app::ApiClient *api, const QString &userName, QWidget *parent = nullptr);

    app::TraceService *service() const { return m_service; }
    app::RecallModel *recallModel() const { return m_recallModel; }
    QTreeView *backwardView() const { return m_backward; }
    QTreeView *forwardView() const { return m_forward; }
    QTableView *recallView() const { return m_recallView; }
    QString messageText() const;

    // The exports behind the buttons (which ask for a file first).
    bool exportCsv(const QString &path, QString *error = nullptr);
    bool exportPdf(const QString &path, QString *error = nullptr);

public slots:
    void handleScan(const QString &code);
    void traceLot(const QString &code);
    void startRecall();

protected:
    void changeEvent(QEvent *event) override;

private:
    void build();
    void retranslate();
    void updateButtons();
    void askExportCsv();
    void askExportPdf();

    app::TraceService *m_service = nullptr;
    app::RecallModel *m_recallModel = nullptr;
    QSortFilterProxyModel *m_recallSort = nullptr;
    QString m_userName;
    QLineEdit *m_code = nullptr;
    QPushButton *m_trace = nullptr;
    QPushButton *m_recall = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportPdf = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_backwardLabel = nullptr;
    QLabel *m_forwardLabel = nullptr;
    QLabel *m_recallLabel = nullptr;
    QTreeView *m_backward = nullptr;
    QTreeView *m_forward = nullptr;
    QTableView *m_recallView = nullptr;
};

} // namespace flowviz::ui
