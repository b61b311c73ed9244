#include "app/stats/qcdecisionsmodel.h"

#include "app/stats/statsclient.h"
#include "app/stats/statsrange.h"

#include "app/api/apiclient.h"
#include "app/core/domainlabels.h"
#include "app/models/serverlotsmodel.h"

#include <QJsonArray>
#include <QLocale>
#include <QUrl>

namespace flowviz::app {

QcDecisionsModel::QcDecisionsModel(ApiClient *api, QObject *parent)
    : QAbstractTableModel(parent), m_api(api)
{}

QString QcDecisionsModel::outcomeLabel(const QString &outcome)
{
    // The symbol tells the outcomes apart in charts and tables, also without colour.
    const auto decision = decisionFromString(outcome);
    if (!decision)
        return outcome;
    const QString label = DomainLabels::decision(*decision);
    switch (*decision) {
    case Decision::PASS:
        return QStringLiteral("✓ ") + label;
    case Decision::HOLD:
        return QStringLiteral("⚠ ") + label;
    case Decision::FAIL:
        return QStringLiteral("✕ ") + label;
    }
    return label;
}

void QcDecisionsModel::load(const QDateTime &from, const QDateTime &to, int gate,
                            const QString &outcome, int limit)
{
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    endResetModel();
    if (!m_api)
        return;
    m_loading = true;
    const quint64 generation = ++m_generation;
    const auto enc = [](const QString &v) {
        return QString::fromLatin1(QUrl::toPercentEncoding(v));
    };
    // Concatenated, not arg()-formatted: the encoded times hold "%3A" and "%2B".
    const QString path = QStringLiteral("/api/v1/stats/qc/decisions?from=") +
                         enc(StatsRange::rfc3339(from)) + QStringLiteral("&to=") +
                         enc(StatsRange::rfc3339(to)) + QStringLiteral("&gate=") +
                         QString::number(gate) + QStringLiteral("&outcome=") + enc(outcome) +
                         QStringLiteral("&limit=") + QString::number(limit);
    m_api->get(path, this, [this, generation](const ApiResult &r) {
        if (generation != m_generation)
            return;
        m_loading = false;
        if (!r.ok()) {
            emit failed(StatsClient::isOfflineError(r.error)
                            ? tr("The server cannot be reached, so the lots behind this bar "
                                 "cannot be listed now. Try again when the console is online.")
                            : ServerLotsModel::errorMessage(r.error));
            return;
        }
        const wire::DecisionList list = wire::DecisionList::fromJson(r.object());
        beginResetModel();
        m_rows = list.decisions;
        m_total = int(list.total);
        endResetModel();
        emit loaded();
    });
}

int QcDecisionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QcDecisionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QcDecisionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == CodeRole)
        return row.lotCode;
    if (role == DecisionRole)
        return row.decision;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case CodeColumn:
        return row.lotCode;
    case TypeColumn:
        return row.lotType;
    case GateColumn:
        return row.gateNumber;
    case DecisionColumn:
        return outcomeLabel(row.decision);
    case DecidedAtColumn:
        return row.decidedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case OperatorColumn:
        return row.operatorName;
    case WorkstationColumn:
        return row.workstationId.value_or(QString());
    default:
        return {};
    }
}

QVariant QcDecisionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CodeColumn:
        return tr("Lot code");
    case TypeColumn:
        return tr("Type");
    case GateColumn:
        return tr("Gate");
    case DecisionColumn:
        return tr("Decision");
    case DecidedAtColumn:
        return tr("Decided at");
    case OperatorColumn:
        return tr("Operator");
    case WorkstationColumn:
        return tr("Workstation");
    default:
        return {};
    }
}

} // namespace flowviz::app
