#pragma once

#include "backend/config/serverconfig.h"

#include <QString>

namespace flowviz::ops {

// `flowviz-server restore`: checks a backup against its manifest, refuses what this binary
// cannot safely restore, loads it in one transaction that also verifies every table's row
// count (so a failed restore changes nothing), then applies newer migrations.
class RestoreCommand
{
public:
    struct Options
    {
        QString path;         // a backup directory, or its manifest.json
        bool replace = false; // replace a database that already holds data
    };

    explicit RestoreCommand(const ServerConfig &config);
    int run(const Options &options);

private:
    ServerConfig m_config;
};

} // namespace flowviz::ops
