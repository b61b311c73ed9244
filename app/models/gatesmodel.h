#pragma once

#include "app/cache/localcache.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>

namespace flowviz::app {

// The QC gates from the LocalCache, by gate number, named in the UI language ("hu"/"en").
class GatesModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        NumberRole,
        NameRole, // in the model's language
        TypeRole, // wire name ("BLOCKING")
        CcpRole,  // bool: a critical control point (a temperature is required)
    };
    Q_ENUM(Role)

    explicit GatesModel(LocalCache *cache, QObject *parent = nullptr);

    void setLanguage(const QString &language);
    QString language() const { return m_language; }
    CachedGate gateAt(int row) const { return m_rows.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

public slots:
    void reload();

private:
    QPointer<LocalCache> m_cache;
    QList<CachedGate> m_rows;
    QString m_language = QStringLiteral("en");
};

} // namespace flowviz::app
