#pragma once

#include "domain/wire/decision.h"
#include "domain/wire/lot.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

namespace flowviz::app {

class ApiClient;

// Loads one lot for its detail page: the lot with its parents and children
// (GET /api/v1/lots/{code}) and its QC decisions (GET …/qc-decisions).
class LotDetailLoader : public QObject
{
    Q_OBJECT

public:
    explicit LotDetailLoader(ApiClient *api, QObject *parent = nullptr);

    QString code() const { return m_code; }
    // Empty until loaded.
    const std::optional<wire::Lot> &lot() const { return m_lot; }
    // Newest first, as the server answers.
    const QList<wire::Decision> &decisions() const { return m_decisions; }

public slots:
    void load(const QString &code);

signals:
    void loaded(const QString &code);
    void failed(const QString &code, const QString &message);

private:
    void partDone();

    QPointer<ApiClient> m_api;
    QString m_code;
    std::optional<wire::Lot> m_lot;
    QList<wire::Decision> m_decisions;
    int m_pending = 0;
    quint64 m_generation = 0;
    bool m_failed = false;
};

} // namespace flowviz::app
