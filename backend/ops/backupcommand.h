#pragma once

#include "backend/config/serverconfig.h"

#include <QString>

namespace flowviz::ops {

// `flowviz-server backup`: a pg_dump (custom format) of the public schema plus manifest.json
// with exact row counts from the same snapshot, written into a new directory that appears
// (by rename) only once complete; then, if asked, prunes older backups.
class BackupCommand
{
public:
    struct Options
    {
        QString outputDir;
        int keepDays = 0; // delete complete backups older than this (0: by age never)
        int keepLast = 0; // but always keep this many newest (0: no count limit)
    };

    explicit BackupCommand(const ServerConfig &config);
    // Prints the new backup's directory on stdout; errors on stderr. Returns an exit code.
    int run(const Options &options);

private:
    int prune(const Options &options, const QString &keep);

    ServerConfig m_config;
};

} // namespace flowviz::ops
