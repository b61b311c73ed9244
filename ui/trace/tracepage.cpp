#include "ui/trace/tracepage.h"

#include "ui/trace/recallpdfwriter.h"

#include "app/session/session.h"
#include "app/trace/recallmodel.h"
#include "app/trace/traceservice.h"
#include "ui/lots/lotstatusdelegate.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace flowviz::ui {

TracePage::TracePage(app::ApiClient *api, app::Session *session, QWidget *parent)
    : TracePage(api, QString(), parent)
{
    // The page is made before anyone logs in: a report names whoever is signed in when it is
    // made.
    if (session) {
        m_service->setUserNameSource([session = QPointer<app::Session>(session)]() -> QString {
            if (!session || !session->isValid())
                return {};
            const app::SessionUser user = session->user();
            return user.fullName.isEmpty() ? user.username : user.fullName;
        });
    }
}

TracePage::TracePage(app::ApiClient *api, const QString &userName, QWidget *parent)
    : QWidget(parent), m_service(new app::TraceService(api, this)),
      m_recallModel(new app::RecallModel(this)), m_userName(userName)
{
    m_service->setUserName(userName);
    build();
    retranslate();
    updateButtons();
}

void TracePage::build()
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_code = new QLineEdit(this);
    m_code->setMinimumHeight(44);
    m_code->setClearButtonEnabled(true);
    m_trace = new QPushButton(this);
    m_recall = new QPushButton(this);
    for (QPushButton *b : {m_trace, m_recall})
        b->setMinimumHeight(44);
    top->addWidget(m_code, 1);
    top->addWidget(m_trace);
    top->addWidget(m_recall);
    layout->addLayout(top);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    auto *split = new QSplitter(Qt::Vertical, this);
    auto *trees = new QWidget(split);
    auto *treesLayout = new QHBoxLayout(trees);
    treesLayout->setContentsMargins(0, 0, 0, 0);
    const auto makeTree = [trees](QTreeView *&view, QLabel *&label, app::TraceTreeModel *model) {
        auto *box = new QVBoxLayout;
        label = new QLabel(trees);
        view = new QTreeView(trees);
        view->setModel(model);
        view->setItemDelegate(new LotStatusDelegate(app::TraceTreeModel::StatusRole, view));
        view->setUniformRowHeights(true);
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        view->setAlternatingRowColors(false);
        box->addWidget(label);
        box->addWidget(view, 1);
        return box;
    };
    treesLayout->addLayout(makeTree(m_backward, m_backwardLabel, m_service->backwardModel()));
    treesLayout->addLayout(makeTree(m_forward, m_forwardLabel, m_service->forwardModel()));
    split->addWidget(trees);

    auto *recall = new QWidget(split);
    auto *recallLayout = new QVBoxLayout(recall);
    recallLayout->setContentsMargins(0, 0, 0, 0);
    auto *recallTop = new QHBoxLayout;
    m_recallLabel = new QLabel(recall);
    m_exportCsv = new QPushButton(recall);
    m_exportPdf = new QPushButton(recall);
    for (QPushButton *b : {m_exportCsv, m_exportPdf})
        b->setMinimumHeight(44);
    recallTop->addWidget(m_recallLabel, 1);
    recallTop->addWidget(m_exportCsv);
    recallTop->addWidget(m_exportPdf);
    recallLayout->addLayout(recallTop);
    m_recallSort = new QSortFilterProxyModel(this);
    m_recallSort->setSourceModel(m_recallModel);
    m_recallSort->setSortRole(app::RecallModel::SortRole);
    m_recallView = new QTableView(recall);
    m_recallView->setModel(m_recallSort);
    m_recallView->setSortingEnabled(true);
    m_recallView->sortByColumn(app::RecallModel::LevelColumn, Qt::AscendingOrder);
    m_recallView->setItemDelegate(
        new LotStatusDelegate(app::RecallModel::StatusRole, m_recallView));
    m_recallView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_recallView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recallView->verticalHeader()->hide();
    m_recallView->horizontalHeader()->setStretchLastSection(true);
    recallLayout->addWidget(m_recallView, 1);
    split->addWidget(recall);
    layout->addWidget(split, 1);

    connect(m_code, &QLineEdit::returnPressed, this, [this] { traceLot(m_code->text()); });
    connect(m_trace, &QPushButton::clicked, this, [this] { traceLot(m_code->text()); });
    connect(m_recall, &QPushButton::clicked, this, &TracePage::startRecall);
    connect(m_exportCsv, &QPushButton::clicked, this, &TracePage::askExportCsv);
    connect(m_exportPdf, &QPushButton::clicked, this, &TracePage::askExportPdf);
    connect(m_code, &QLineEdit::textChanged, this, &TracePage::updateButtons);
    connect(m_service, &app::TraceService::busyChanged, this, &TracePage::updateButtons);
    connect(m_service, &app::TraceService::traced, this, [this](const QString &code) {
        m_backward->expandAll();
        m_forward->expandAll();
        for (QTreeView *v : {m_backward, m_forward})
            v->resizeColumnToContents(0);
        const bool cut =
            m_service->backwardModel()->isTruncated() || m_service->forwardModel()->isTruncated();
        m_message->setText(cut ? tr("Lot %1 traced. The genealogy is too large to show whole; "
                                    "the nearest lots are shown.")
                                     .arg(code)
                               : tr("Lot %1 traced across every level.").arg(code));
    });
    connect(m_service, &app::TraceService::traceFailed, this,
            [this](const QString &code, const QString &message) {
                m_message->setText(tr("Lot %1 could not be traced. %2").arg(code, message));
            });
    connect(m_service, &app::TraceService::recallReady, this,
            [this](const app::RecallReport &report) {
                m_recallModel->setReport(report);
                m_recallView->resizeColumnsToContents();
                m_message->setText(tr("Recall for %1: downstream lots: %2.")
                                       .arg(report.suspectCode)
                                       .arg(report.rows.size()));
                updateButtons();
            });
    connect(m_service, &app::TraceService::recallFailed, this,
            [this](const QString &code, const QString &message) {
                m_message->setText(
                    tr("The recall for %1 could not be built. %2").arg(code, message));
            });
}

void TracePage::retranslate()
{
    m_code->setPlaceholderText(tr("Scan or type a lot code"));
    m_trace->setText(tr("Trace"));
    m_recall->setText(tr("Recall…"));
    m_recall->setToolTip(tr("List every lot made from this lot, with its status and QC"));
    m_exportCsv->setText(tr("Export CSV…"));
    m_exportPdf->setText(tr("Export PDF…"));
    m_backwardLabel->setText(tr("Where it came from (backward)"));
    m_forwardLabel->setText(tr("Where it went (forward)"));
    m_recallLabel->setText(tr("Recall: every downstream lot"));
}

void TracePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TracePage::updateButtons()
{
    const bool busy = m_service->isBusy();
    const bool hasCode = !m_code->text().trimmed().isEmpty();
    m_trace->setEnabled(hasCode && !busy);
    m_recall->setEnabled(hasCode && !busy);
    const bool hasReport = !m_recallModel->report().suspectCode.isEmpty();
    m_exportCsv->setEnabled(hasReport && !busy);
    m_exportPdf->setEnabled(hasReport && !busy);
    if (busy)
        m_message->setText(tr("Asking the server…"));
}

QString TracePage::messageText() const
{
    return m_message->text();
}

void TracePage::handleScan(const QString &code)
{
    m_code->setText(code.trimmed().toUpper());
    traceLot(code);
}

void TracePage::traceLot(const QString &code)
{
    if (code.trimmed().isEmpty())
        return;
    m_service->trace(code);
}

void TracePage::startRecall()
{
    const QString code = m_code->text().trimmed();
    if (code.isEmpty())
        return;
    m_service->buildRecall(code);
}

bool TracePage::exportCsv(const QString &path, QString *error)
{
    return m_recallModel->report().writeCsv(path, error);
}

bool TracePage::exportPdf(const QString &path, QString *error)
{
    return RecallPdfWriter::write(m_recallModel->report(), path, error);
}

void TracePage::askExportCsv()
{
    const app::RecallReport &r = m_recallModel->report();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export recall as CSV"),
        QStringLiteral("recall-%1-%2.csv")
            .arg(QString(r.suspectCode).replace(u'/', u'_'),
                 r.generatedAt.toUTC().toString(QStringLiteral("yyyyMMdd-HHmm"))),
        tr("CSV spreadsheet (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    m_message->setText(exportCsv(path, &error) ? tr("Saved %1.").arg(path) : error);
}

void TracePage::askExportPdf()
{
    const app::RecallReport &r = m_recallModel->report();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export recall as PDF"),
        QStringLiteral("recall-%1-%2.pdf")
            .arg(QString(r.suspectCode).replace(u'/', u'_'),
                 r.generatedAt.toUTC().toString(QStringLiteral("yyyyMMdd-HHmm"))),
        tr("PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    m_message->setText(exportPdf(path, &error) ? tr("Saved %1.").arg(path) : error);
}

} // namespace flowviz::ui
