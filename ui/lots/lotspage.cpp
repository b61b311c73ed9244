#include "ui/lots/lotspage.h"

#include "ui/lots/lotdetailpage.h"
#include "ui/lots/lotstatusdelegate.h"

#include "app/core/domainlabels.h"
#include "app/models/serverlotsmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <functional>

namespace flowviz::ui {

namespace {

// Enter on a row opens it, as a double-click does.
class EnterFilter : public QObject
{
public:
    EnterFilter(QTableView *view, std::function<void(const QModelIndex &)> open)
        : QObject(view), m_view(view), m_open(std::move(open))
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            const auto *key = static_cast<QKeyEvent *>(event);
            if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
                m_view->currentIndex().isValid()) {
                m_open(m_view->currentIndex());
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QTableView *m_view;
    std::function<void(const QModelIndex &)> m_open;
};

} // namespace

LotsPage::LotsPage(app::ApiClient *api, app::LocalCache *cache, QWidget *parent)
    : QWidget(parent), m_api(api), m_model(new app::ServerLotsModel(api, cache, this))
{
    build();
    retranslate();
    // Loaded when first shown (after the login, so with a session), not at construction.
}

QString LotsPage::stateText() const
{
    return m_state->text();
}

void LotsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The first visit loads the list; a visit after a failed load (no session yet, server
    // gone) tries again.
    if (!m_model->isLoading() &&
        (m_model->pagesLoaded() == 0 || m_model->isOffline() || !m_model->errorString().isEmpty()))
        m_model->refresh();
}

void LotsPage::build()
{
    m_stack = new QStackedWidget(this);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    m_listPage = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(m_listPage);
    m_search = new QLineEdit(m_listPage);
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumHeight(44);
    layout->addWidget(m_search);

    auto *filters = new QHBoxLayout;
    m_type = new QComboBox(m_listPage);
    m_status = new QComboBox(m_listPage);
    m_runLabel = new QLabel(m_listPage);
    m_run = new QLineEdit(m_listPage);
    m_useDates = new QCheckBox(m_listPage);
    m_fromLabel = new QLabel(m_listPage);
    m_from = new QDateEdit(QDate::currentDate().addDays(-7), m_listPage);
    m_toLabel = new QLabel(m_listPage);
    m_to = new QDateEdit(QDate::currentDate(), m_listPage);
    for (QWidget *w : std::initializer_list<QWidget *>{m_type, m_status, m_run, m_from, m_to})
        w->setMinimumHeight(44);
    m_useDates->setMinimumHeight(44);
    m_from->setCalendarPopup(true);
    m_to->setCalendarPopup(true);
    m_from->setEnabled(false);
    m_to->setEnabled(false);
    filters->addWidget(m_type);
    filters->addWidget(m_status);
    filters->addWidget(m_runLabel);
    filters->addWidget(m_run);
    filters->addStretch();
    layout->addLayout(filters);
    // The dates on a line of their own: one line of every filter does not fit 1024 px in
    // Hungarian.
    auto *dates = new QHBoxLayout;
    dates->addWidget(m_useDates);
    dates->addWidget(m_fromLabel);
    dates->addWidget(m_from);
    dates->addWidget(m_toLabel);
    dates->addWidget(m_to);
    dates->addStretch();
    layout->addLayout(dates);

    m_state = new QLabel(m_listPage);
    m_state->setWordWrap(true);
    layout->addWidget(m_state);

    m_view = new QTableView(m_listPage);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new LotStatusDelegate(app::ServerLotsModel::StatusRole, m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->setDefaultSectionSize(44);
    m_view->verticalHeader()->hide();
    // Uniform rows and fixed widths keep scrolling cheap with many rows.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setDefaultSectionSize(160);
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);
    m_stack->addWidget(m_listPage);

    m_detail = new LotDetailPage(m_api, m_stack);
    m_stack->addWidget(m_detail);
    connect(m_detail, &LotDetailPage::backRequested, this, &LotsPage::showList);

    const auto open = [this](const QModelIndex &index) {
        openLot(index.siblingAtColumn(0).data(app::ServerLotsModel::CodeRole).toString());
    };
    connect(m_view, &QTableView::doubleClicked, this, open);
    m_view->installEventFilter(new EnterFilter(m_view, open));

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &LotsPage::applyFilters);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_run, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &LotsPage::applyFilters);
    connect(m_type, &QComboBox::activated, this, &LotsPage::applyFilters);
    connect(m_status, &QComboBox::activated, this, &LotsPage::applyFilters);
    connect(m_useDates, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        applyFilters();
    });
    connect(m_from, &QDateEdit::dateChanged, this, &LotsPage::applyFilters);
    connect(m_to, &QDateEdit::dateChanged, this, &LotsPage::applyFilters);

    const auto updateState = [this] {
        if (m_model->isLoading())
            m_state->setText(tr("Loading lots…"));
        else if (m_model->isOffline())
            m_state->setText(tr("Offline: showing the lots stored on this workstation. The list "
                                "is complete again when the server is reachable."));
        else if (!m_model->errorString().isEmpty())
            m_state->setText(m_model->errorString());
        else if (m_model->canFetchMore({}))
            m_state->setText(tr("Lots shown: %1. Scroll down for more.").arg(m_model->rowCount()));
        else
            m_state->setText(tr("Lots shown: %1 (all).").arg(m_model->rowCount()));
    };
    connect(m_model, &app::ServerLotsModel::loadingChanged, this, updateState);
    connect(m_model, &app::ServerLotsModel::offlineChanged, this, updateState);
    connect(m_model, &app::ServerLotsModel::errorOccurred, this, updateState);
    connect(m_model, &app::ServerLotsModel::pageLoaded, this, updateState);
}

void LotsPage::fillCombos()
{
    const int type = m_type->currentIndex();
    const int status = m_status->currentIndex();
    m_type->clear();
    m_type->addItem(tr("All types"));
    for (LotType t : allLotTypes())
        m_type->addItem(app::DomainLabels::lotType(t), toString(t));
    m_status->clear();
    m_status->addItem(tr("All statuses"));
    for (LotStatus s : allLotStatuses())
        m_status->addItem(app::DomainLabels::lotStatus(s), toString(s));
    m_type->setCurrentIndex(qMax(0, type));
    m_status->setCurrentIndex(qMax(0, status));
}

void LotsPage::retranslate()
{
    m_search->setPlaceholderText(tr("Search by lot code (start of the code) or scan a label"));
    m_runLabel->setText(tr("Run:"));
    m_run->setPlaceholderText(tr("Run code"));
    m_useDates->setText(tr("Created between"));
    m_fromLabel->setText(tr("from"));
    m_toLabel->setText(tr("to"));
    m_view->setAccessibleName(tr("Lots"));
    fillCombos();
}

void LotsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LotsPage::applyFilters()
{
    m_debounce->stop();
    app::ServerLotsModel::Filter f;
    f.codePrefix = m_search->text().trimmed();
    if (m_type->currentIndex() > 0)
        f.type = lotTypeFromString(m_type->currentData().toString());
    if (m_status->currentIndex() > 0)
        f.status = lotStatusFromString(m_status->currentData().toString());
    f.runCode = m_run->text().trimmed();
    if (m_useDates->isChecked()) {
        f.createdFrom = m_from->date().startOfDay();
        f.createdTo = m_to->date().addDays(1).startOfDay();
    }
    if (!(f == m_model->filter()))
        m_model->setFilter(f);
}

bool LotsPage::isShowingDetail() const
{
    return m_stack->currentWidget() == m_detail;
}

void LotsPage::handleScan(const QString &code)
{
    openLot(code);
}

void LotsPage::openLot(const QString &code)
{
    if (code.trimmed().isEmpty())
        return;
    m_detail->showLot(code);
    m_stack->setCurrentWidget(m_detail);
}

void LotsPage::showList()
{
    m_stack->setCurrentWidget(m_listPage);
    m_view->setFocus();
}

} // namespace flowviz::ui
