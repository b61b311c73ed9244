#pragma once

#include "domain/decimal.h"
#include "domain/enums.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QPointer>

#include <optional>

namespace flowviz::app {

class ApiClient;
class LocalCache;
struct ApiError;

// The server's lots (GET /api/v1/lots), newest first, fetched a page at a time through the
// keyset cursor so a view stays smooth over 100,000 lots. Without a server it shows the
// cached recent lots (filtered locally) and says it is offline.
class ServerLotsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        CodeColumn,
        TypeColumn,
        StatusColumn,
        WeightColumn,
        RunColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role
    {
        CodeRole = Qt::UserRole + 1,
        TypeRole,   // wire name ("BULK")
        StatusRole, // wire name ("HOLD"), for colour
        WeightRole, // canonical decimal text in kg, empty when unknown
        RunCodeRole,
        CreatedAtRole, // QDateTime (UTC)
    };
    Q_ENUM(Role)

    struct Filter
    {
        QString codePrefix;
        std::optional<LotType> type;
        std::optional<LotStatus> status;
        QString runCode;
        QDateTime createdFrom; // inclusive; invalid: open
        QDateTime createdTo;   // exclusive; invalid: open
        bool operator==(const Filter &) const = default;
    };

    struct Lot
    {
        QString code;
        LotType type = LotType::RAW;
        LotStatus status = LotStatus::CREATED;
        std::optional<Decimal> weightKg;
        QString runCode;
        QDateTime createdAt;
    };

    static constexpr int kDefaultPageSize = 200;

    ServerLotsModel(ApiClient *api, LocalCache *cache, QObject *parent = nullptr);

    void setPageSize(int size);
    int pageSize() const { return m_pageSize; }
    Filter filter() const { return m_filter; }
    // Replaces the filter: the rows are dropped and the first page is fetched again.
    void setFilter(const Filter &filter);

    bool isLoading() const { return m_loading; }
    bool isOffline() const { return m_offline; }
    QString errorString() const { return m_error; }
    Lot lotAt(int row) const { return m_rows.value(row); }
    int pagesLoaded() const { return m_pages; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Kept for callers in app/trace and app/stats; the words are DomainLabels'.
    static QString statusLabel(LotStatus status);
    static QString typeLabel(LotType type);
    // An API failure in words an operator understands, saying what to do next.
    static QString errorMessage(const ApiError &error);
    // The query string (without '?') of one page for `filter`.
    static QString queryFor(const Filter &filter, int limit, const QString &cursor);

public slots:
    // Drops the rows and fetches the first page again.
    void refresh();

signals:
    void loadingChanged(bool loading);
    void offlineChanged(bool offline);
    // A page could not be fetched; `message` says what to do, in the operator's words.
    void errorOccurred(const QString &message);
    void pageLoaded(int rowsAdded);

private:
    void requestPage();
    void setLoading(bool loading);
    void setOffline(bool offline);
    void showCached();

    QPointer<ApiClient> m_api;
    QPointer<LocalCache> m_cache;
    Filter m_filter;
    QList<Lot> m_rows;
    QString m_cursor;
    bool m_hasMore = true;
    bool m_loading = false;
    bool m_offline = false;
    QString m_error;
    int m_pageSize = kDefaultPageSize;
    int m_pages = 0;
    quint64 m_generation = 0;
};

} // namespace flowviz::app
