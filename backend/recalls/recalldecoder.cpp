#include "backend/recalls/recalldecoder.h"

#include "backend/api/bodyreader.h"
#include "backend/api/partyfields.h"

#include "domain/validation.h"

namespace flowviz::recalls {

using api::BodyReader;

namespace {

// A reason or a note: plain text of 10 to 2000 characters, at least 10 of them not blank.
QString statement(BodyReader &in, const QString &name, const QString &noun)
{
    const qsizetype before = in.errors().size();
    const auto text = api::plainText(in, name, true, kRecallTextMax, true);
    if (text && in.errors().size() == before && rules::nonBlankLength(*text) < kRecallTextMin)
        in.add({in.field(name), name + QStringLiteral(".too_short"),
                QStringLiteral("%1 needs at least %2 characters that are not blank.")
                    .arg(noun)
                    .arg(kRecallTextMin)});
    return text.value_or(QString());
}

} // namespace

wire::OpenRecall decodeOpenRecall(const QJsonObject &body)
{
    BodyReader in(body, {QStringLiteral("id"), QStringLiteral("lot_code"), QStringLiteral("reason"),
                         QStringLiteral("drill")});
    wire::OpenRecall r;
    r.id = in.uuid(QStringLiteral("id"), false);
    if (const auto raw = in.string(QStringLiteral("lot_code"), true, 1000)) {
        r.lotCode = rules::normalizeLotCode(*raw);
        in.add(rules::checkLotCode(r.lotCode));
    }
    r.reason = statement(in, QStringLiteral("reason"), QStringLiteral("The recall's reason"));
    if (body.contains(QStringLiteral("drill"))) {
        if (body.value(QStringLiteral("drill")).isBool())
            r.drill = body.value(QStringLiteral("drill")).toBool();
        else
            in.add({QStringLiteral("drill"), QStringLiteral("field.type"),
                    QStringLiteral("\"drill\" must be true or false.")});
    }
    in.throwIfErrors();
    return r;
}

QString decodeCloseNote(const QJsonObject &body)
{
    BodyReader in(body, {QStringLiteral("note")});
    const QString note = statement(in, QStringLiteral("note"), QStringLiteral("The closing note"));
    in.throwIfErrors();
    return note;
}

} // namespace flowviz::recalls
