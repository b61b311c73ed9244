#include "app/models/lotdetailloader.h"

#include "app/api/apiclient.h"
#include "app/models/serverlotsmodel.h"

#include <QJsonArray>
#include <QUrl>

namespace flowviz::app {

LotDetailLoader::LotDetailLoader(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

void LotDetailLoader::load(const QString &code)
{
    if (!m_api)
        return;
    m_code = code.trimmed().toUpper();
    m_lot.reset();
    m_decisions.clear();
    m_pending = 2;
    m_failed = false;
    const quint64 generation = ++m_generation;
    const QString base =
        QStringLiteral("/api/v1/lots/") + QString::fromLatin1(QUrl::toPercentEncoding(m_code));
    const auto handle = [this, generation](const ApiResult &r, bool isLot) {
        if (generation != m_generation || m_failed)
            return;
        if (!r.ok()) {
            m_failed = true;
            emit failed(m_code, ServerLotsModel::errorMessage(r.error));
            return;
        }
        if (isLot) {
            m_lot = wire::Lot::fromJson(r.object());
        } else {
            for (const QJsonValue &v : r.object().value(QStringLiteral("items")).toArray())
                m_decisions.append(wire::Decision::fromJson(v.toObject()));
        }
        partDone();
    };
    m_api->get(base, this, [handle](const ApiResult &r) { handle(r, true); });
    m_api->get(base + QStringLiteral("/qc-decisions"), this,
               [handle](const ApiResult &r) { handle(r, false); });
}

void LotDetailLoader::partDone()
{
    if (--m_pending == 0)
        emit loaded(m_code);
}

} // namespace flowviz::app
