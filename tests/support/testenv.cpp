#include "tests/support/testenv.h"

#include <QFile>
#include <QUrl>

namespace flowviz::test {

namespace {

QString withDatabase(const QString &url, const QString &database)
{
    QUrl u(url);
    u.setPath(u'/' + database);
    return u.toString();
}

} // namespace

const TestEnv &TestEnv::get()
{
    static const TestEnv env = [] {
        TestEnv e;
        QFile f(qEnvironmentVariable("FLOWVIZ_TEST_ENV_FILE"));
        if (f.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : f.readAll().split('\n')) {
                const qsizetype eq = line.indexOf('=');
                if (eq <= 0)
                    continue;
                const QByteArray key = line.left(eq);
                const QString value = QString::fromUtf8(line.mid(eq + 1)).trimmed();
                if (key == "FLOWVIZ_TEST_PG_URL")
                    e.pgUrl = value;
                else if (key == "FLOWVIZ_TEST_PGBOUNCER_URL")
                    e.pgbouncerUrl = value;
            }
        }
        e.viaPgBouncer = qEnvironmentVariable("FLOWVIZ_TEST_VIA") == u"pgbouncer";
        return e;
    }();
    return env;
}

QString TestEnv::serverUrlFor(const QString &database) const
{
    return withDatabase(viaPgBouncer ? pgbouncerUrl : pgUrl, database);
}

QString TestEnv::directUrlFor(const QString &database) const
{
    return withDatabase(pgUrl, database);
}

} // namespace flowviz::test
