#pragma once

#include "backend/http/requestobserver.h"

namespace flowviz::server {

// One line per request: method, route template, status, duration, request id. Never the
// body, the query or headers, so no secret reaches the log.
class AccessLog : public http::RequestObserver
{
public:
    void requestStarted(const http::Request &) override {}
    void requestFinished(const http::Request &request, const http::Response &response) override;
};

} // namespace flowviz::server
