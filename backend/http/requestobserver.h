#pragma once

#include "backend/http/httptypes.h"

namespace flowviz::http {

// Sees every request the server answers: for the access log and the RED metrics.
class RequestObserver
{
public:
    virtual ~RequestObserver() = default;
    virtual void requestStarted(const Request &request) = 0;
    virtual void requestFinished(const Request &request, const Response &response) = 0;
};

} // namespace flowviz::http
