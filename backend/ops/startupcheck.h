#pragma once

#include "backend/config/serverconfig.h"

#include <QString>

namespace flowviz::ops {

// What `serve` and `migrate` check before anything else: that the database answers (retrying
// for a few seconds, e.g. while PostgreSQL boots with the machine) and that its schema is not
// newer than this binary. A failure is one readable line and an exit code, not a loop:
// systemd's Restart=on-failure does the waiting after that.
class StartupCheck
{
public:
    struct Result
    {
        int exitCode = 0; // 0, or ops::exitcode::kDatabaseUnreachable / kSchemaTooNew
        QString message;
        int databaseVersion = 0;
    };
    static Result run(const ServerConfig &config);
};

} // namespace flowviz::ops
