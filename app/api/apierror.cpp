#include "app/api/apierror.h"

namespace flowviz::app {

bool ApiError::isTransient() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::RateLimited:
    case Kind::Unavailable:
    case Kind::Server:
        return true;
    default:
        return false;
    }
}

bool ApiError::isRejection() const
{
    switch (kind) {
    case Kind::Forbidden:
    case Kind::NotFound:
    case Kind::Validation:
    case Kind::Conflict:
        return true;
    default:
        return false;
    }
}

QString ApiError::summary() const
{
    if (!isError())
        return {};
    QString s = status ? QStringLiteral("HTTP %1").arg(status) : QStringLiteral("no answer");
    const QString text = !detail.isEmpty() ? detail : title;
    if (!text.isEmpty())
        s += QStringLiteral(": ") + text;
    return s;
}

} // namespace flowviz::app
