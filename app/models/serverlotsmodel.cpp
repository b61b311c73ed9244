#include "app/models/serverlotsmodel.h"

#include "domain/wire/lot.h"

#include "app/api/apiclient.h"
#include "app/cache/localcache.h"
#include "app/core/domainlabels.h"

#include <QJsonArray>
#include <QLocale>
#include <QUrl>
#include <QUrlQuery>

namespace flowviz::app {

namespace {

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

bool isOfflineError(const ApiError &e)
{
    using K = ApiError::Kind;
    return e.kind == K::Network || e.kind == K::Timeout || e.kind == K::Tls ||
           e.kind == K::Unavailable;
}

} // namespace

ServerLotsModel::ServerLotsModel(ApiClient *api, LocalCache *cache, QObject *parent)
    : QAbstractTableModel(parent), m_api(api), m_cache(cache)
{}

void ServerLotsModel::setPageSize(int size)
{
    m_pageSize = qBound(1, size, 500);
}

void ServerLotsModel::setFilter(const Filter &filter)
{
    m_filter = filter;
    refresh();
}

void ServerLotsModel::refresh()
{
    ++m_generation; // answers still on their way belong to the old rows: drop them
    setLoading(false);
    beginResetModel();
    m_rows.clear();
    m_cursor.clear();
    m_hasMore = true;
    m_pages = 0;
    m_error.clear();
    endResetModel();
    // A view (or a tester) may already have asked for the first page on the reset; then
    // this does nothing.
    requestPage();
}

QString ServerLotsModel::queryFor(const Filter &filter, int limit, const QString &cursor)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (!filter.codePrefix.trimmed().isEmpty())
        q.addQueryItem(QStringLiteral("code_prefix"), filter.codePrefix.trimmed().toUpper());
    if (filter.type)
        q.addQueryItem(QStringLiteral("type"), toString(*filter.type));
    if (filter.status)
        q.addQueryItem(QStringLiteral("status"), toString(*filter.status));
    if (!filter.runCode.trimmed().isEmpty())
        q.addQueryItem(QStringLiteral("run"), filter.runCode.trimmed().toUpper());
    if (filter.createdFrom.isValid())
        q.addQueryItem(QStringLiteral("created_from"), isoUtc(filter.createdFrom));
    if (filter.createdTo.isValid())
        q.addQueryItem(QStringLiteral("created_to"), isoUtc(filter.createdTo));
    if (!cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), cursor);
    // '+' and other reserved characters of values must reach the server as data.
    QString out;
    for (const auto &[key, value] : q.queryItems()) {
        if (!out.isEmpty())
            out += u'&';
        out += key + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
    }
    return out;
}

void ServerLotsModel::requestPage()
{
    if (m_loading || !m_hasMore)
        return;
    if (!m_api) {
        showCached();
        return;
    }
    setLoading(true);
    const quint64 generation = m_generation;
    m_api->get(QStringLiteral("/api/v1/lots?") + queryFor(m_filter, m_pageSize, m_cursor), this,
               [this, generation](const ApiResult &r) {
                   if (generation != m_generation)
                       return; // answer to a filter that is no longer shown
                   setLoading(false);
                   if (!r.ok()) {
                       if (isOfflineError(r.error) && m_rows.isEmpty()) {
                           showCached();
                           return;
                       }
                       m_hasMore = false;
                       m_error = errorMessage(r.error);
                       emit errorOccurred(m_error);
                       return;
                   }
                   setOffline(false);
                   const wire::LotPage answer = wire::LotPage::fromJson(r.object());
                   QList<Lot> page;
                   page.reserve(answer.items.size());
                   for (const wire::Lot &l : answer.items)
                       page.append({l.lotCode, l.type, l.status, l.weightKg,
                                    l.runCode.value_or(QString()), l.createdAt});
                   m_cursor = answer.nextCursor;
                   m_hasMore = !m_cursor.isEmpty();
                   ++m_pages;
                   if (!page.isEmpty()) {
                       beginInsertRows({}, int(m_rows.size()),
                                       int(m_rows.size() + page.size() - 1));
                       m_rows.append(page);
                       endInsertRows();
                   }
                   emit pageLoaded(int(page.size()));
               });
}

void ServerLotsModel::showCached()
{
    m_hasMore = false;
    QList<Lot> rows;
    if (m_cache) {
        const QString prefix = m_filter.codePrefix.trimmed().toUpper();
        const QString run = m_filter.runCode.trimmed().toUpper();
        for (const CachedLot &c : m_cache->recentLots(LocalCache::kMaxStoredLots)) {
            if (!prefix.isEmpty() && !c.code.startsWith(prefix))
                continue;
            if (m_filter.type && c.type != *m_filter.type)
                continue;
            if (m_filter.status && c.status != *m_filter.status)
                continue;
            if (!run.isEmpty() && c.runCode != run)
                continue;
            if (m_filter.createdFrom.isValid() && c.createdAt < m_filter.createdFrom)
                continue;
            if (m_filter.createdTo.isValid() && c.createdAt >= m_filter.createdTo)
                continue;
            rows.append(Lot{c.code, c.type, c.status, c.weightKg, c.runCode, c.createdAt});
        }
    }
    if (!rows.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
        m_rows.append(rows);
        endInsertRows();
    }
    setOffline(true);
}

void ServerLotsModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

void ServerLotsModel::setOffline(bool offline)
{
    if (m_offline == offline)
        return;
    m_offline = offline;
    emit offlineChanged(offline);
}

int ServerLotsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ServerLotsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServerLotsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Lot &lot = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CodeColumn:
            return lot.code;
        case TypeColumn:
            return DomainLabels::lotType(lot.type);
        case StatusColumn:
            return DomainLabels::lotStatus(lot.status);
        case WeightColumn:
            return lot.weightKg ? lot.weightKg->toString() : QString();
        case RunColumn:
            return lot.runCode;
        case CreatedColumn:
            return QLocale().toString(lot.createdAt.toLocalTime(), QLocale::ShortFormat);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == WeightColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case CodeRole:
        return lot.code;
    case TypeRole:
        return toString(lot.type);
    case StatusRole:
        return toString(lot.status);
    case WeightRole:
        return lot.weightKg ? lot.weightKg->toString() : QString();
    case RunCodeRole:
        return lot.runCode;
    case CreatedAtRole:
        return lot.createdAt;
    default:
        return {};
    }
}

QVariant ServerLotsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CodeColumn:
        return tr("Lot code");
    case TypeColumn:
        return tr("Type");
    case StatusColumn:
        return tr("Status");
    case WeightColumn:
        return tr("Weight (kg)");
    case RunColumn:
        return tr("Production run");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

QHash<int, QByteArray> ServerLotsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(CodeRole, "code");
    names.insert(TypeRole, "type");
    names.insert(StatusRole, "status");
    names.insert(WeightRole, "weightKg");
    names.insert(RunCodeRole, "runCode");
    names.insert(CreatedAtRole, "createdAt");
    return names;
}

bool ServerLotsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_loading;
}

void ServerLotsModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        requestPage();
}

QString ServerLotsModel::statusLabel(LotStatus status)
{
    return DomainLabels::lotStatus(status);
}

QString ServerLotsModel::typeLabel(LotType type)
{
    return DomainLabels::lotType(type);
}

QString ServerLotsModel::errorMessage(const ApiError &error)
{
    using K = ApiError::Kind;
    switch (error.kind) {
    case K::None:
        return {};
    case K::Network:
    case K::Timeout:
    case K::Unavailable:
        return tr("The server cannot be reached. Check the network and try again.");
    case K::Tls:
        return tr("The server's certificate is not trusted. Ask IT to check the CA file in the "
                  "settings.");
    case K::Unauthorized:
        return tr("Your session has ended. Log in again.");
    case K::Forbidden:
        return tr("You are not allowed to see this. Ask a supervisor.");
    case K::NotFound:
        return tr("No such lot is registered. Check the code and scan again.");
    case K::RateLimited:
        return tr("Too many requests. Wait a moment and try again.");
    case K::Validation:
        return tr("The search was refused: %1").arg(error.detail);
    default:
        return tr("The server could not answer. Try again; if it keeps failing, tell IT.");
    }
}

} // namespace flowviz::app
