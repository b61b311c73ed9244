#include "domain/wire/problem.h"

#include <QJsonArray>

namespace flowviz::wire {

namespace {

struct KindStatus
{
    Problem::Kind kind;
    int status;
};

constexpr KindStatus kStatuses[] = {
    {Problem::Kind::BadRequest, 400},
    {Problem::Kind::Unauthorized, 401},
    {Problem::Kind::Forbidden, 403},
    {Problem::Kind::NotFound, 404},
    {Problem::Kind::MethodNotAllowed, 405},
    {Problem::Kind::Conflict, 409},
    {Problem::Kind::LengthRequired, 411},
    {Problem::Kind::PayloadTooLarge, 413},
    {Problem::Kind::UnsupportedMediaType, 415},
    {Problem::Kind::Validation, 422},
    {Problem::Kind::RateLimited, 429},
    {Problem::Kind::HeaderTooLarge, 431},
    {Problem::Kind::Internal, 500},
    {Problem::Kind::Unavailable, 503},
};

Problem make(Problem::Kind kind, const QString &type, const QString &title, const QString &detail)
{
    Problem p;
    p.kind = kind;
    p.type = type;
    p.title = title;
    p.detail = detail;
    return p;
}

} // namespace

int Problem::status() const
{
    for (const KindStatus &k : kStatuses) {
        if (k.kind == kind)
            return k.status;
    }
    return 500;
}

Problem::Kind Problem::kindForStatus(int status)
{
    for (const KindStatus &k : kStatuses) {
        if (k.status == status)
            return k.kind;
    }
    return status >= 400 && status < 500 ? Kind::BadRequest : Kind::Internal;
}

QString Problem::typeUri() const
{
    // A type that is already a URI ("about:blank", another namespace) is kept as it came.
    return type.contains(u':') ? type : problemtype::kBaseUri + type;
}

Problem Problem::validation(const FieldErrors &errors)
{
    const QString detail = errors.size() == 1
                               ? errors.first().message
                               : QStringLiteral("%1 fields are invalid.").arg(errors.size());
    Problem p = make(Kind::Validation, problemtype::kValidation,
                     QStringLiteral("The request is not valid"), detail);
    p.errors = errors;
    return p;
}

Problem Problem::notFound(const QString &detail)
{
    return make(Kind::NotFound, problemtype::kNotFound, QStringLiteral("Not found"), detail);
}

Problem Problem::conflict(const QString &type, const QString &title, const QString &detail)
{
    return make(Kind::Conflict, type, title, detail);
}

Problem Problem::badRequest(const QString &detail)
{
    return make(Kind::BadRequest, problemtype::kBadRequest,
                QStringLiteral("The request cannot be read"), detail);
}

Problem Problem::unauthorized(const QString &detail)
{
    return make(Kind::Unauthorized, problemtype::kUnauthorized,
                QStringLiteral("Authentication required"), detail);
}

Problem Problem::forbidden(const QString &detail)
{
    return make(Kind::Forbidden, problemtype::kForbidden, QStringLiteral("Not allowed"), detail);
}

Problem Problem::internal(const QString &detail)
{
    return make(Kind::Internal, problemtype::kInternal, QStringLiteral("Internal error"), detail);
}

QJsonObject Problem::toJson() const
{
    QJsonObject o{{QStringLiteral("type"), typeUri()},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("status"), status()}};
    if (!detail.isEmpty())
        o.insert(QStringLiteral("detail"), detail);
    if (!errors.isEmpty()) {
        QJsonArray arr;
        for (const FieldError &e : errors) {
            arr.append(QJsonObject{{QStringLiteral("field"), e.field},
                                   {QStringLiteral("code"), e.code},
                                   {QStringLiteral("message"), e.message}});
        }
        o.insert(QStringLiteral("errors"), arr);
    }
    return o;
}

Problem Problem::fromJson(const QJsonObject &o)
{
    Problem p;
    p.kind = kindForStatus(o.value(QStringLiteral("status")).toInt());
    p.type = o.value(QStringLiteral("type")).toString();
    if (p.type.startsWith(problemtype::kBaseUri))
        p.type = p.type.mid(problemtype::kBaseUri.size());
    p.title = o.value(QStringLiteral("title")).toString();
    p.detail = o.value(QStringLiteral("detail")).toString();
    const QJsonArray errors = o.value(QStringLiteral("errors")).toArray();
    for (const QJsonValue &v : errors) {
        const QJsonObject e = v.toObject();
        p.errors.append({e.value(QStringLiteral("field")).toString(),
                         e.value(QStringLiteral("code")).toString(),
                         e.value(QStringLiteral("message")).toString()});
    }
    return p;
}

} // namespace flowviz::wire
