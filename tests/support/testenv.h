#pragma once

#include <QString>

namespace flowviz::test {

// Where the ctest fixture's PostgreSQL and PgBouncer are: read from the file named by
// FLOWVIZ_TEST_ENV_FILE (written by tests/fixtures/pgcluster.sh).
struct TestEnv
{
    QString pgUrl;             // direct to PostgreSQL, as the database owner
    QString pgbouncerUrl;      // through PgBouncer, transaction pooling
    bool viaPgBouncer = false; // FLOWVIZ_TEST_VIA=pgbouncer

    static const TestEnv &get();
    // The URL of `database` on the server the suite runs against (direct or PgBouncer).
    QString serverUrlFor(const QString &database) const;
    QString directUrlFor(const QString &database) const;
};

} // namespace flowviz::test
