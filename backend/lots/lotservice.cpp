#include "backend/lots/lotservice.h"

#include "backend/lots/lotrepository.h"

#include "backend/api/bodyreader.h"

#include "domain/lotstatusrules.h"
#include "domain/validation.h"

#include <QJsonDocument>

namespace flowviz::lots::service {

using api::ApiError;
using api::BodyReader;

namespace {

constexpr int kMaxParents = 100;
constexpr int kMaxMetadataBytes = 16 * 1024;
constexpr qint64 kClientClockToleranceSecs = 5 * 60;

struct ParentLink
{
    QString lotCode;
    Decimal quantityKg;
};

QString encodeCursor(const QJsonObject &lastRow)
{
    const QByteArray raw = (lastRow.value(QStringLiteral("created_at")).toString() + u'|' +
                            lastRow.value(QStringLiteral("id")).toString())
                               .toUtf8();
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool decodeCursor(const QString &cursor, QDateTime &at, QUuid &id)
{
    const auto raw =
        QByteArray::fromBase64Encoding(cursor.toLatin1(), QByteArray::Base64UrlEncoding);
    if (!raw)
        return false;
    const QList<QByteArray> parts = raw.decoded.split('|');
    if (parts.size() != 2)
        return false;
    at = QDateTime::fromString(QString::fromUtf8(parts[0]), Qt::ISODateWithMs);
    id = QUuid::fromString(QString::fromUtf8(parts[1]));
    return at.isValid() && !id.isNull();
}

QJsonArray genealogyOf(db::PgSession &db, const QUuid &id, bool parents)
{
    const db::PgResult r =
        parents ? db.exec("SELECT l.lot_code, l.lot_type, l.status, g.quantity_used_kg FROM "
                          "lot_genealogy g "
                          "JOIN lots l ON l.id = g.parent_lot_id WHERE g.child_lot_id = $1::uuid "
                          "ORDER BY l.lot_code",
                          {id})
                : db.exec("SELECT l.lot_code, l.lot_type, l.status, g.quantity_used_kg FROM "
                          "lot_genealogy g "
                          "JOIN lots l ON l.id = g.child_lot_id WHERE g.parent_lot_id = $1::uuid "
                          "ORDER BY l.lot_code",
                          {id});
    QJsonArray out;
    for (int i = 0; i < r.rows(); ++i) {
        out.append(QJsonObject{
            {QStringLiteral("lot_code"), r.text(i, "lot_code")},
            {QStringLiteral("lot_type"), r.text(i, "lot_type")},
            {QStringLiteral("status"), r.text(i, "status")},
            {QStringLiteral("quantity_used_kg"), r.decimalJson(i, "quantity_used_kg")}});
    }
    return out;
}

QJsonObject detail(db::PgSession &db, LotRepository &repo, QJsonObject lot)
{
    LotRepository::annotate(lot, repo.profiles());
    const QUuid id = QUuid::fromString(lot.value(QStringLiteral("id")).toString());
    lot.insert(QStringLiteral("parents"), genealogyOf(db, id, true));
    lot.insert(QStringLiteral("children"), genealogyOf(db, id, false));
    return lot;
}

} // namespace

http::Response create(api::Tx &tx, const QJsonObject &body, const api::Events &events)
{
    BodyReader in(body,
                  {QStringLiteral("id"), QStringLiteral("lot_code"), QStringLiteral("lot_type"),
                   QStringLiteral("weight_kg"), QStringLiteral("temperature_c"),
                   QStringLiteral("production_run_id"), QStringLiteral("run_code"),
                   QStringLiteral("metadata"), QStringLiteral("parents"),
                   QStringLiteral("workstation_id"), QStringLiteral("client_created_at")});
    const auto id = in.uuid(QStringLiteral("id"), false);
    const auto rawCode = in.string(QStringLiteral("lot_code"), true, 1000);
    QString code;
    if (rawCode) {
        code = rules::normalizeLotCode(*rawCode);
        in.add(rules::checkLotCode(code));
    }
    std::optional<LotType> type;
    if (const auto t = in.string(QStringLiteral("lot_type"), true)) {
        type = lotTypeFromString(*t);
        if (!type)
            in.add({QStringLiteral("lot_type"), QStringLiteral("lot_type.unknown"),
                    QStringLiteral("lot_type must be one of RAW, DEB, BULK, MIX, SKW, FRZ, FG.")});
    }
    const auto weight = in.decimal(QStringLiteral("weight_kg"), false);
    if (weight)
        in.add(rules::checkWeight(*weight));
    const auto temperature = in.decimal(QStringLiteral("temperature_c"), false);
    if (temperature)
        in.add(rules::checkTemperature(*temperature));
    const auto runId = in.uuid(QStringLiteral("production_run_id"), false);
    const auto runCode = in.string(QStringLiteral("run_code"), false, 100);
    const QJsonObject metadata =
        in.object(QStringLiteral("metadata"), false).value_or(QJsonObject());
    if (QJsonDocument(metadata).toJson(QJsonDocument::Compact).size() > kMaxMetadataBytes)
        in.add({QStringLiteral("metadata"), QStringLiteral("metadata.too_large"),
                QStringLiteral("metadata holds at most 16 KiB of JSON.")});
    const QString workstation =
        in.string(QStringLiteral("workstation_id"), false, 64).value_or(QString());
    const auto clientTime = in.time(QStringLiteral("client_created_at"), false);

    QList<ParentLink> links;
    if (const auto parents = in.array(QStringLiteral("parents"), false)) {
        if (parents->size() > kMaxParents)
            in.add({QStringLiteral("parents"), QStringLiteral("parents.too_many"),
                    QStringLiteral("A lot has at most %1 parents.").arg(kMaxParents)});
        for (qsizetype i = 0; i < parents->size() && i < kMaxParents; ++i) {
            const QString prefix = QStringLiteral("parents[%1].").arg(i);
            if (!parents->at(i).isObject()) {
                in.add({QStringLiteral("parents[%1]").arg(i), QStringLiteral("field.type"),
                        QStringLiteral(
                            "Each parent is an object with lot_code and quantity_used_kg.")});
                continue;
            }
            BodyReader p(parents->at(i).toObject(),
                         {QStringLiteral("lot_code"), QStringLiteral("quantity_used_kg")}, prefix);
            const auto pc = p.string(QStringLiteral("lot_code"), true, 1000);
            const auto qty = p.decimal(QStringLiteral("quantity_used_kg"), true);
            ParentLink link;
            if (pc) {
                link.lotCode = rules::normalizeLotCode(*pc);
                p.add(rules::checkLotCode(link.lotCode, p.field(QStringLiteral("lot_code"))));
                if (link.lotCode == code)
                    p.add({p.field(QStringLiteral("lot_code")), QStringLiteral("parents.self"),
                           QStringLiteral("A lot cannot be its own parent.")});
                for (const ParentLink &seen : links) {
                    if (seen.lotCode == link.lotCode)
                        p.add({p.field(QStringLiteral("lot_code")),
                               QStringLiteral("parents.duplicate"),
                               QStringLiteral(
                                   "Parent %1 is listed twice; give its total quantity once.")
                                   .arg(link.lotCode)});
                }
            }
            if (qty) {
                p.add(rules::checkQuantityUsed(*qty, p.field(QStringLiteral("quantity_used_kg"))));
                link.quantityKg = *qty;
            }
            in.append(p.errors());
            if (p.errors().isEmpty())
                links.append(link);
        }
    }
    in.throwIfErrors();

    LotRepository repo(tx.db);
    NewLot lot;
    lot.id = id.value_or(QUuid::createUuid());
    lot.lotCode = code;
    lot.type = *type;
    lot.weightKg = weight;
    lot.temperatureC = temperature;
    lot.metadata = metadata;
    lot.operatorId = tx.user.userId;
    lot.workstationId = workstation;
    if (clientTime) {
        lot.clientCreatedAt = *clientTime;
        lot.clientTimeFlagged = clientTime->toSecsSinceEpoch() >
                                QDateTime::currentSecsSinceEpoch() + kClientClockToleranceSecs;
    }

    if (runId || runCode) {
        const auto run = repo.findRun(runId, runCode.value_or(QString()).trimmed().toUpper());
        if (!run)
            throw ApiError::validation(
                runId ? QStringLiteral("production_run_id") : QStringLiteral("run_code"),
                QStringLiteral("run.unknown"),
                QStringLiteral("No production run %1.")
                    .arg(runId ? runId->toString(QUuid::WithoutBraces) : *runCode));
        if (runId && runCode && runCode->trimmed().toUpper() != run->runCode)
            throw ApiError::validation(
                QStringLiteral("run_code"), QStringLiteral("run.mismatch"),
                QStringLiteral("production_run_id names run %1 but run_code says %2; send one "
                               "of them, or both for the same run.")
                    .arg(run->runCode, runCode->trimmed().toUpper()));
        if (run->status != RunStatus::ACTIVE)
            throw ApiError::conflict(
                QStringLiteral("run-closed"), QStringLiteral("Production run closed"),
                QStringLiteral("Production run %1 is %2; lots can only be added to an "
                               "ACTIVE run.")
                    .arg(run->runCode, toString(run->status)));
        lot.productionRunId = run->id;
    }

    QStringList parentCodes;
    for (const ParentLink &l : links)
        parentCodes << l.lotCode;
    const QList<ParentState> parents = repo.lockParents(parentCodes);
    FieldErrors unknown;
    for (qsizetype i = 0; i < links.size(); ++i) {
        const auto it = std::find_if(parents.begin(), parents.end(), [&](const ParentState &p) {
            return p.lotCode == links[i].lotCode;
        });
        if (it == parents.end())
            unknown.append({QStringLiteral("parents[%1].lot_code").arg(i),
                            QStringLiteral("parents.unknown"),
                            QStringLiteral("No lot %1 is registered.").arg(links[i].lotCode)});
    }
    if (!unknown.isEmpty())
        throw ApiError::validation(unknown);
    for (const ParentLink &link : links) {
        const ParentState &p =
            *std::find_if(parents.begin(), parents.end(),
                          [&](const ParentState &s) { return s.lotCode == link.lotCode; });
        if (const auto reason = statusrules::parentRefusalReason(p.status))
            throw ApiError::conflict(
                QStringLiteral("parent-not-usable"), QStringLiteral("Parent lot not usable"),
                QStringLiteral("Lot %1 cannot be used as an input: %2.").arg(p.lotCode, *reason));
        if (p.weightKg && p.drawnKg + link.quantityKg > *p.weightKg) {
            const Decimal left =
                *p.weightKg + Decimal::fromUnits(-p.drawnKg.units(), p.drawnKg.scale());
            throw ApiError::conflict(
                QStringLiteral("parent-quantity-exceeded"),
                QStringLiteral("Not enough left in parent lot"),
                QStringLiteral("Lot %1 weighs %2 kg and %3 kg were already drawn from it; "
                               "%4 kg cannot be drawn (at most %5 kg is left).")
                    .arg(p.lotCode, p.weightKg->toString(), p.drawnKg.toString(),
                         link.quantityKg.toString(), left.toString()));
        }
    }

    if (temperature) {
        if (const auto profile = repo.profile(lot.type);
            profile && profile->classifyTemperature(*temperature) == Reading::Critical)
            lot.status = LotStatus::QUARANTINE; // a critical reading waits for QC before use
    }

    try {
        tx.db.savepoint("lot_insert", [&] { repo.insert(lot); });
    } catch (const db::DbError &e) {
        if (!e.isUniqueViolation())
            throw;
        if (e.constraint() == u"lots_pkey")
            throw ApiError::conflict(QStringLiteral("lot-id-exists"),
                                     QStringLiteral("Lot id already used"),
                                     QStringLiteral("A lot with id %1 is already registered.")
                                         .arg(lot.id.toString(QUuid::WithoutBraces)));
        throw ApiError::conflict(
            QStringLiteral("duplicate-lot-code"), QStringLiteral("Lot code already used"),
            QStringLiteral("Lot code %1 is already registered. Check the label, or "
                           "register this lot under a new code.")
                .arg(code));
    }
    for (const ParentLink &link : links) {
        const ParentState &p =
            *std::find_if(parents.begin(), parents.end(),
                          [&](const ParentState &s) { return s.lotCode == link.lotCode; });
        repo.link(p.id, lot.id, link.quantityKg);
    }

    const LotType registered = lot.type;
    tx.afterCommit.append([&events, registered] {
        if (events.lotRegistered)
            events.lotRegistered(registered);
    });
    http::Response r = http::Response::json(201, detail(tx.db, repo, *repo.findById(lot.id)));
    r.withHeader("Location", "/api/v1/lots/" + QUrl::toPercentEncoding(code));
    return r;
}

http::Response get(api::Tx &tx, const QString &lotCode)
{
    LotRepository repo(tx.db);
    const QString code = rules::normalizeLotCode(lotCode);
    const auto lot = repo.findByCode(code);
    if (!lot)
        throw ApiError::notFound(QStringLiteral("No lot %1 is registered.").arg(code));
    return http::Response::json(200, detail(tx.db, repo, *lot));
}

http::Response list(api::Tx &tx, const QUrlQuery &query)
{
    FieldErrors errors;
    LotFilter f;
    const auto param = [&](const char *name) {
        return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded).trimmed();
    };
    if (const QString t = param("type"); !t.isEmpty()) {
        f.type = lotTypeFromString(t.toUpper());
        if (!f.type)
            errors.append(
                {QStringLiteral("type"), QStringLiteral("lot_type.unknown"),
                 QStringLiteral("type must be one of RAW, DEB, BULK, MIX, SKW, FRZ, FG.")});
    }
    if (const QString s = param("status"); !s.isEmpty()) {
        f.status = lotStatusFromString(s.toUpper());
        if (!f.status)
            errors.append({QStringLiteral("status"), QStringLiteral("status.unknown"),
                           QStringLiteral("Unknown status %1.").arg(s)});
    }
    f.runCode = param("run").toUpper();
    f.codePrefix = rules::normalizeLotCode(param("code_prefix"));
    for (const auto &[name, target] :
         {std::pair{"created_from", &f.createdFrom}, std::pair{"created_to", &f.createdTo}}) {
        const QString v = param(name);
        if (v.isEmpty())
            continue;
        const auto t = api::parseTimeWithOffset(v);
        *target = t.value_or(QDateTime());
        if (!t)
            errors.append(
                {QString::fromLatin1(name), QStringLiteral("field.type"),
                 QStringLiteral(
                     "%1 must be an ISO 8601 time with offset, e.g. 2026-01-14T08:30:00Z.")
                     .arg(QLatin1String(name))});
    }
    if (const QString l = param("limit"); !l.isEmpty()) {
        bool ok = false;
        f.limit = l.toInt(&ok);
        if (!ok || f.limit < 1 || f.limit > 500)
            errors.append({QStringLiteral("limit"), QStringLiteral("limit.range"),
                           QStringLiteral("limit must be from 1 to 500.")});
    }
    if (const QString c = param("cursor");
        !c.isEmpty() && !decodeCursor(c, f.afterCreatedAt, f.afterId))
        errors.append({QStringLiteral("cursor"), QStringLiteral("cursor.invalid"),
                       QStringLiteral("cursor is not one this server returned.")});
    if (!errors.isEmpty())
        throw ApiError::validation(errors);

    LotRepository repo(tx.db);
    const int pageSize = f.limit;
    f.limit = pageSize + 1; // one extra row tells whether another page exists
    QJsonArray rows = repo.list(f);
    const bool more = rows.size() > pageSize;
    if (more)
        rows.removeLast();
    const auto profiles = repo.profiles();
    QJsonArray items;
    for (const QJsonValue &v : rows) {
        QJsonObject lot = v.toObject();
        LotRepository::annotate(lot, profiles);
        items.append(lot);
    }
    QJsonObject out{{QStringLiteral("items"), items}};
    out.insert(QStringLiteral("next_cursor"),
               more ? QJsonValue(encodeCursor(items.last().toObject()))
                    : QJsonValue(QJsonValue::Null));
    return http::Response::json(200, out);
}

http::Response profiles(api::Tx &tx)
{
    LotRepository repo(tx.db);
    const auto all = repo.profiles();
    QJsonArray out;
    for (LotType t : allLotTypes()) {
        if (all.contains(t))
            out.append(all.value(t).toJson());
    }
    return http::Response::json(200, QJsonObject{{QStringLiteral("items"), out}});
}

http::Response updateProfile(api::Tx &tx, const QString &lotType, const QJsonObject &body)
{
    const auto type = lotTypeFromString(lotType.toUpper());
    if (!type)
        throw ApiError::notFound(QStringLiteral("No lot type %1.").arg(lotType));
    QJsonObject full = body;
    full.insert(QStringLiteral("lot_type"), toString(*type));
    BodyReader in(full, {QStringLiteral("lot_type"), QStringLiteral("temp_min_c"),
                         QStringLiteral("temp_max_c"), QStringLiteral("temp_margin_c"),
                         QStringLiteral("weight_min_kg"), QStringLiteral("weight_max_kg"),
                         QStringLiteral("weight_margin_kg")});
    for (const char *t : {"temp_min_c", "temp_max_c", "temp_margin_c"}) {
        if (const auto d = in.decimal(QLatin1String(t), true))
            in.add(rules::checkTemperature(*d, QLatin1String(t)));
    }
    for (const char *w : {"weight_min_kg", "weight_max_kg", "weight_margin_kg"}) {
        if (const auto d = in.decimal(QLatin1String(w), true))
            in.add(rules::checkWeight(*d, QLatin1String(w)));
    }
    in.throwIfErrors();
    const auto profile = TemperatureProfile::fromJson(full);
    if (!profile || profile->tempMargin < Decimal())
        throw ApiError::validation(
            QStringLiteral("temp_min_c"), QStringLiteral("profile.range"),
            QStringLiteral("Minimums must not exceed maximums and margins must not be negative."));
    LotRepository repo(tx.db);
    repo.updateProfile(*profile, tx.user.userId);
    return http::Response::json(200, profile->toJson());
}

} // namespace flowviz::lots::service
