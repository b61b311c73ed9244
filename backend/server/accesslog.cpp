#include "backend/server/accesslog.h"

#include <QLoggingCategory>

namespace flowviz::server {

Q_LOGGING_CATEGORY(lcAccess, "flowviz.http")

void AccessLog::requestFinished(const http::Request &request, const http::Response &response)
{
    qCInfo(lcAccess).noquote() << QStringLiteral("%1 %2 %3 %4ms request_id=%5")
                                      .arg(QString::fromLatin1(request.method),
                                           request.routeTemplate)
                                      .arg(response.status)
                                      .arg(double(request.timer.nsecsElapsed()) / 1e6, 0, 'f', 1)
                                      .arg(request.requestId);
}

} // namespace flowviz::server
