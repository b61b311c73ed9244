#include "ui/supervisor/supervisorpage.h"

#include "ui/supervisor/chartpanel.h"
#include "ui/supervisor/chartview.h"
#include "ui/supervisor/drilldowndialog.h"
#include "ui/supervisor/kpitile.h"
#include "ui/supervisor/supervisorcharts.h"

#include "app/models/serverlotsmodel.h"
#include "app/stats/heldlotsmodel.h"
#include "app/stats/qcdecisionsmodel.h"
#include "app/stats/statsclient.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace flowviz::ui {

namespace {

QString statusStyle(const QString &background, const QString &border)
{
    return QStringLiteral("QLabel { background: %1; border: 2px solid %2; border-radius: 6px; "
                          "padding: 6px 10px; color: #1a1a1a; }")
        .arg(background, border);
}

} // namespace

SupervisorPage::SupervisorPage(app::ApiClient *api, const QString &storePath, QWidget *parent)
    : QWidget(parent), m_api(api), m_stats(new app::StatsClient(api, storePath, this)),
      m_lotsModel(new app::ServerLotsModel(api, nullptr, this)),
      m_decisions(new app::QcDecisionsModel(api, this)), m_held(new app::HeldLotsModel(this))
{
    build();
    retranslate();
    updateFigures();
    updateStatus();
    connect(m_stats, &app::StatsClient::updated, this, &SupervisorPage::updateFigures);
    connect(m_stats, &app::StatsClient::stateChanged, this, &SupervisorPage::updateStatus);
    m_autoRefresh.setInterval(kAutoRefreshMs);
    connect(&m_autoRefresh, &QTimer::timeout, this, &SupervisorPage::refresh);
    // The age of the figures on screen keeps counting between refreshes.
    m_ageTimer.setInterval(10 * 1000);
    connect(&m_ageTimer, &QTimer::timeout, this, &SupervisorPage::updateStatus);
}

SupervisorPage::~SupervisorPage() = default;

void SupervisorPage::build()
{
    auto *outer = new QVBoxLayout(this);

    auto *bar = new QHBoxLayout;
    m_rangeLabel = new QLabel(this);
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("rangePicker"));
    m_rangeLabel->setBuddy(m_range);
    m_fromLabel = new QLabel(this);
    m_from = new QDateEdit(QDate::currentDate().addDays(-1), this);
    m_toLabel = new QLabel(this);
    m_to = new QDateEdit(QDate::currentDate(), this);
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_refresh = new QPushButton(this);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    for (QWidget *w : std::initializer_list<QWidget *>{m_range, m_from, m_to, m_refresh})
        w->setMinimumHeight(44);
    bar->addWidget(m_rangeLabel);
    bar->addWidget(m_range);
    bar->addWidget(m_fromLabel);
    bar->addWidget(m_from);
    bar->addWidget(m_toLabel);
    bar->addWidget(m_to);
    bar->addWidget(m_refresh);
    bar->addStretch(1);
    outer->addLayout(bar);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("dataStatus"));
    m_status->setWordWrap(true);
    outer->addWidget(m_status);

    auto *tiles = new QHBoxLayout;
    m_tileIds = {QStringLiteral("lotsToday"), QStringLiteral("kgToday"),
                 QStringLiteral("yieldToday"), QStringLiteral("openHolds"),
                 QStringLiteral("workstationsOffline")};
    for (const QString &id : std::as_const(m_tileIds)) {
        auto *tile = new KpiTile(this);
        tile->setObjectName(id);
        m_tiles.insert(id, tile);
        tiles->addWidget(tile);
    }
    outer->addLayout(tiles);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_chartArea = new QWidget(scroll);
    m_grid = new QGridLayout(m_chartArea);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_chartIds = {QStringLiteral("lots"),  QStringLiteral("kg"),    QStringLiteral("qc"),
                  QStringLiteral("yield"), QStringLiteral("holds"), QStringLiteral("workstations")};
    for (const QString &id : std::as_const(m_chartIds)) {
        auto *panel = new ChartPanel(m_chartArea);
        panel->setObjectName(QStringLiteral("chart_") + id);
        m_charts.insert(id, panel);
        connect(panel, &ChartPanel::pointClicked, this,
                [this, id](int series, int category) { showDrillDown(id, series, category); });
    }
    scroll->setWidget(m_chartArea);
    outer->addWidget(scroll, 1);
    relayout();

    m_range->addItems(QStringList(5, QString())); // texts in retranslate()
    m_range->setCurrentIndex(int(m_stats->range().preset));
    const bool custom = m_stats->range().preset == app::StatsRange::Preset::Custom;
    for (QWidget *w : std::initializer_list<QWidget *>{m_fromLabel, m_from, m_toLabel, m_to})
        w->setVisible(custom);
    connect(m_range, &QComboBox::activated, this, &SupervisorPage::choosePreset);
    const auto customChanged = [this] { setCustomRange(m_from->date(), m_to->date()); };
    connect(m_from, &QDateEdit::dateChanged, this, customChanged);
    connect(m_to, &QDateEdit::dateChanged, this, customChanged);
    connect(m_refresh, &QPushButton::clicked, this, &SupervisorPage::refresh);
}

void SupervisorPage::retranslate()
{
    m_rangeLabel->setText(tr("&Show:"));
    const QStringList presets{tr("This shift"), tr("Today"), tr("Last 7 days"), tr("Last 30 days"),
                              tr("Custom days…")};
    for (int i = 0; i < presets.size(); ++i)
        m_range->setItemText(i, presets.at(i));
    m_range->setToolTip(tr("Shifts run %1 plant time (set on the Settings page). Up to two days "
                           "are shown by the hour, longer ranges by the day; kilograms always by "
                           "the day.")
                            .arg(app::StatsRange::shiftsText(m_stats->shiftStarts())));
    m_fromLabel->setText(tr("from"));
    m_toLabel->setText(tr("to"));
    m_refresh->setText(tr("⟳ Refresh now"));
    m_refresh->setToolTip(tr("The figures refresh by themselves every 30 seconds"));
    const QStringList captions{tr("Lots today"), tr("Kilograms today"),
                               tr("First-pass yield today"), tr("Open holds"),
                               tr("Workstations offline")};
    for (int i = 0; i < m_tileIds.size(); ++i)
        m_tiles.value(m_tileIds.at(i))->setCaption(captions.at(i));
    updateFigures();
    updateStatus();
}

QString SupervisorPage::language() const
{
    return QLocale().language() == QLocale::Hungarian ? QStringLiteral("hu") : QStringLiteral("en");
}

void SupervisorPage::refresh()
{
    m_stats->refresh();
}

void SupervisorPage::choosePreset(int index)
{
    const auto preset = app::StatsRange::Preset(qBound(0, index, 4));
    const bool custom = preset == app::StatsRange::Preset::Custom;
    for (QWidget *w : std::initializer_list<QWidget *>{m_fromLabel, m_from, m_toLabel, m_to})
        w->setVisible(custom);
    if (m_range->currentIndex() != index)
        m_range->setCurrentIndex(index);
    if (custom)
        setCustomRange(m_from->date(), m_to->date());
    else
        m_stats->setPreset(preset);
}

void SupervisorPage::setShiftStarts(const QList<QTime> &starts)
{
    const QList<QTime> before = m_stats->shiftStarts();
    m_stats->setShiftStarts(starts);
    if (m_stats->shiftStarts() == before)
        return;
    retranslate(); // the range picker's tooltip names the shifts
    if (isVisible() && m_stats->range().preset == app::StatsRange::Preset::Shift)
        refresh();
}

void SupervisorPage::setCustomRange(QDate first, QDate last)
{
    if (!first.isValid() || !last.isValid())
        return;
    m_stats->setRange(app::StatsRange::custom(first, last, m_stats->plantZone()));
}

void SupervisorPage::updateFigures()
{
    const app::StatsSnapshot &s = m_stats->snapshot();
    const QString lang = language();
    const QString noLots = tr("No lots were registered in this range.");
    m_charts.value(QStringLiteral("lots"))->setData(SupervisorCharts::lots(s.lots), noLots);
    m_charts.value(QStringLiteral("kg"))
        ->setData(SupervisorCharts::kilograms(s.lotsDaily),
                  s.isEmpty() || s.hasLotsDaily
                      ? tr("No lots were registered on these days.")
                      : tr("The kilograms per day are shown once the server answers."));
    m_charts.value(QStringLiteral("qc"))
        ->setData(SupervisorCharts::qcOutcomes(s.qc, lang),
                  tr("No QC decisions were recorded in this range."));
    m_charts.value(QStringLiteral("yield"))
        ->setData(SupervisorCharts::yieldTrend(s.qc, lang),
                  tr("No lot was decided at a gate in this range."));
    m_charts.value(QStringLiteral("holds"))
        ->setData(SupervisorCharts::holdsByAge(s.holds), tr("✓ No lot is on HOLD or in "
                                                            "QUARANTINE."));
    m_charts.value(QStringLiteral("workstations"))
        ->setData(SupervisorCharts::pendingSync(s.workstations),
                  tr("No workstation has reported to the server yet."));

    using State = KpiTile::State;
    const QString none = QStringLiteral("—");
    if (s.isEmpty()) {
        for (KpiTile *tile : std::as_const(m_tiles))
            tile->setValue(none);
        return;
    }
    const QLocale locale;
    m_tiles.value(QStringLiteral("lotsToday"))
        ->setValue(locale.toString(s.lotsToday.totalLots), tr("registered since midnight"));
    m_tiles.value(QStringLiteral("kgToday"))
        ->setValue(tr("%1 kg").arg(s.lotsToday.totalKg.toString()),
                   tr("registered since midnight"));
    m_tiles.value(QStringLiteral("yieldToday"))
        ->setValue(SupervisorCharts::percentText(s.qcToday.yield),
                   s.qcToday.decidedLots > 0 ? tr("%1 of %2 lots passed their first decision")
                                                   .arg(s.qcToday.firstPass)
                                                   .arg(s.qcToday.decidedLots)
                                             : tr("no lot decided today"));
    qint64 oldest = -1;
    for (const app::HeldLot &lot : s.holds.lots)
        oldest = qMax(oldest, lot.ageSeconds);
    m_tiles.value(QStringLiteral("openHolds"))
        ->setValue(s.holds.total > 0 ? tr("⚠ %1").arg(s.holds.total) : tr("✓ 0"),
                   s.holds.total > 0
                       ? tr("oldest for %1").arg(app::HeldLotsModel::durationText(oldest))
                       : tr("no lot waiting for QC"),
                   s.holds.total > 0 ? State::Attention : State::Normal);
    const int offline = s.workstations.offline;
    const int all = s.workstations.online + offline;
    m_tiles.value(QStringLiteral("workstationsOffline"))
        ->setValue(offline > 0 ? tr("✕ %1 of %2").arg(offline).arg(all) : tr("✓ 0 of %1").arg(all),
                   offline > 0 ? tr("no heartbeat for %1 min")
                                     .arg(qMax(1, s.workstations.offlineAfterSeconds / 60))
                               : tr("all reporting"),
                   offline > 0 ? State::Alert : State::Normal);
}

QString SupervisorPage::rangeText() const
{
    const app::StatsRange &r = m_stats->snapshot().range;
    const QDateTime lastMoment = r.to.addSecs(-1);
    if (r.bucket == u"day")
        return tr("%1 to %2")
            .arg(r.from.toString(QStringLiteral("yyyy-MM-dd")),
                 lastMoment.toString(QStringLiteral("yyyy-MM-dd")));
    const bool sameDay = r.from.date() == r.to.date();
    return tr("%1 to %2")
        .arg(r.from.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
             r.to.toString(sameDay ? QStringLiteral("HH:mm") : QStringLiteral("yyyy-MM-dd HH:mm")));
}

void SupervisorPage::updateStatus()
{
    const app::StatsSnapshot &s = m_stats->snapshot();
    const qint64 age = m_stats->dataAgeSeconds();
    QString text;
    if (m_stats->isOffline()) {
        text =
            s.isEmpty()
                ? tr("✕ Offline: the server cannot be reached and no figures are "
                     "stored here yet. They appear when the connection returns.")
                : tr("✕ Offline: data from %1 (%2), not live. The figures update "
                     "when the server can be reached again.")
                      .arg(app::StatsClient::ageText(age),
                           s.fetchedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        m_status->setStyleSheet(statusStyle(QStringLiteral("#fde3d6"), QStringLiteral("#d55e00")));
    } else if (!m_stats->errorString().isEmpty()) {
        text = tr("⚠ %1").arg(m_stats->errorString());
        if (!s.isEmpty())
            text += u' ' + tr("Shown: data from %1.").arg(app::StatsClient::ageText(age));
        m_status->setStyleSheet(statusStyle(QStringLiteral("#fff4dc"), QStringLiteral("#e69f00")));
    } else if (s.isEmpty()) {
        text = m_stats->isLoading() ? tr("⟳ Loading the figures…")
                                    : tr("No figures yet. Choose Refresh now.");
        m_status->setStyleSheet(statusStyle(QStringLiteral("#f0f0f0"), QStringLiteral("#8a8a8a")));
    } else {
        text = tr("● Live: updated %1 (%2); refreshes every 30 s.")
                   .arg(app::StatsClient::ageText(age),
                        s.fetchedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
        m_status->setStyleSheet(statusStyle(QStringLiteral("#e3f4ec"), QStringLiteral("#009e73")));
    }
    if (!s.isEmpty()) {
        text += u' ' + tr("Range: %1.").arg(rangeText());
        if (!(s.range == m_stats->range()) && !m_stats->isLoading())
            text += u' ' + tr("The range you chose is shown once the server answers.");
    }
    m_status->setText(text);
}

QString SupervisorPage::statusText() const
{
    return m_status->text();
}

DrillDownDialog *SupervisorPage::drillDown() const
{
    return m_drillDown;
}

QAbstractItemModel *SupervisorPage::drillDownModel() const
{
    if (m_drillKind == u"qc")
        return m_decisions;
    if (m_drillKind == u"holds")
        return m_held;
    if (m_drillKind == u"lots")
        return m_lotsModel;
    return nullptr;
}

void SupervisorPage::showDrillDown(const QString &chartId, int series, int category)
{
    const app::StatsSnapshot &s = m_stats->snapshot();
    if (!m_drillDown) {
        m_drillDown = new DrillDownDialog(this);
        m_drillDown->setObjectName(QStringLiteral("drillDown"));
        connect(m_lotsModel, &app::ServerLotsModel::pageLoaded, m_drillDown, [this] {
            if (m_drillKind == u"lots")
                m_drillDown->setState(tr("Lots: %1").arg(m_lotsModel->rowCount()));
        });
        connect(m_lotsModel, &app::ServerLotsModel::errorOccurred, m_drillDown,
                [this](const QString &message) {
                    if (m_drillKind == u"lots")
                        m_drillDown->setState(message);
                });
        connect(m_decisions, &app::QcDecisionsModel::loaded, m_drillDown, [this] {
            if (m_drillKind == u"qc")
                m_drillDown->setState(m_decisions->total() > m_decisions->rowCount()
                                          ? tr("Decisions: %1 (the first %2 are listed)")
                                                .arg(m_decisions->total())
                                                .arg(m_decisions->rowCount())
                                          : tr("Decisions: %1").arg(m_decisions->total()));
        });
        connect(m_decisions, &app::QcDecisionsModel::failed, m_drillDown,
                [this](const QString &message) {
                    if (m_drillKind == u"qc")
                        m_drillDown->setState(message);
                });
    }
    const ChartData &chartData = m_charts.value(chartId)->data();
    const QString where = chartData.categories.value(category);

    if (chartId == u"lots" || chartId == u"kg") {
        // The kilograms chart is by the day, whatever the range's buckets.
        const QList<app::LotsBucket> &buckets =
            chartId == u"kg" ? s.lotsDaily.buckets : s.lots.buckets;
        if (category < 0 || category >= buckets.size())
            return;
        const app::LotsBucket &bucket = buckets.at(category);
        app::ServerLotsModel::Filter filter;
        filter.createdFrom = bucket.start;
        filter.createdTo = bucket.end;
        QString title = tr("Lots registered in %1").arg(where);
        if (chartId == u"lots") {
            const QString type = chartData.series.value(series).name;
            filter.type = lotTypeFromString(type);
            title = tr("%1 lots registered in %2").arg(type, where);
        }
        m_drillKind = QStringLiteral("lots");
        m_drillDown->setContent(title, m_lotsModel, app::ServerLotsModel::StatusRole);
        m_drillDown->setState(tr("Loading…"));
        m_lotsModel->setFilter(filter);
    } else if (chartId == u"qc") {
        static const QStringList outcomes{QStringLiteral("PASS"), QStringLiteral("HOLD"),
                                          QStringLiteral("FAIL")};
        if (series < 0 || series >= outcomes.size() || category < 0 ||
            category >= s.qc.gates.size())
            return;
        m_drillKind = QStringLiteral("qc");
        m_drillDown->setContent(
            tr("%1 decisions at gate %2")
                .arg(app::QcDecisionsModel::outcomeLabel(outcomes.at(series)), where),
            m_decisions);
        m_drillDown->setState(tr("Loading…"));
        m_decisions->load(s.range.from, s.range.to, s.qc.gates.at(category).number,
                          outcomes.at(series));
    } else if (chartId == u"holds") {
        if (category < 0 || category >= s.holds.byAge.size())
            return;
        m_drillKind = QStringLiteral("holds");
        m_held->setLots(s.holds.lotsInAgeBucket(category));
        m_drillDown->setContent(tr("Lots on hold for %1").arg(where), m_held,
                                app::HeldLotsModel::StatusRole);
        m_drillDown->setState(tr("Lots: %1").arg(m_held->rowCount()));
    } else {
        return; // the yield and workstation charts have no lots behind their points
    }
    m_drillDown->show();
    m_drillDown->raise();
}

void SupervisorPage::relayout()
{
    const int w = width();
    const int columns = w >= 1700 ? 3 : (w >= 900 ? 2 : 1);
    // A wall display gets larger text; the charts' labels follow the page's font. Only the
    // size is set, so everything else still follows the window.
    const qreal scale = w >= 2400 ? 1.5 : (w >= 1700 ? 1.2 : 1.0);
    if (scale != m_fontScale) {
        m_fontScale = scale;
        QFont f;
        if (scale != 1.0)
            f.setPointSizeF(
                (parentWidget() ? parentWidget()->font() : QApplication::font()).pointSizeF() *
                scale);
        setFont(f);
    }
    const int minHeight = qMax(240, fontMetrics().height() * 15);
    for (ChartPanel *panel : std::as_const(m_charts))
        panel->setMinimumHeight(minHeight);
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (ChartPanel *panel : std::as_const(m_charts))
        m_grid->removeWidget(panel);
    for (int i = 0; i < m_chartIds.size(); ++i)
        m_grid->addWidget(m_charts.value(m_chartIds.at(i)), i / columns, i % columns);
    for (int c = 0; c < 3; ++c)
        m_grid->setColumnStretch(c, c < columns ? 1 : 0);
}

void SupervisorPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_autoRefresh.start();
    m_ageTimer.start();
    refresh();
}

void SupervisorPage::hideEvent(QHideEvent *event)
{
    m_autoRefresh.stop();
    m_ageTimer.stop();
    QWidget::hideEvent(event);
}

void SupervisorPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_range)
        retranslate();
    QWidget::changeEvent(event);
}

void SupervisorPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

} // namespace flowviz::ui
