#include "tests/support/testserver.h"

#include "tests/support/httpclient.h"
#include "tests/support/testenv.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTcpServer>
#include <QThread>

namespace flowviz::test {

namespace {

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

} // namespace

TestServer::TestServer(const QString &name, const QStringList &extraArgs)
    : m_name(name + (TestEnv::get().viaPgBouncer ? QStringLiteral("_pgb") : QStringLiteral("_pg"))),
      m_extraArgs(extraArgs)
{
    m_db = std::make_unique<TestDb>(m_name);
    QFile::remove(logPath());
}

TestServer::~TestServer()
{
    stop();
}

QString TestServer::serverBinary()
{
    return QStringLiteral(FLOWVIZ_SERVER_BIN);
}

QString TestServer::databaseUrl() const
{
    return TestEnv::get().serverUrlFor(m_name);
}

QString TestServer::passwordOf(const QString &username)
{
    return username + QStringLiteral("-password-1");
}

int TestServer::runCommand(const QStringList &args, const QByteArray &stdinData, QString *output)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FLOWVIZ_DATABASE_URL"), databaseUrl());
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(serverBinary(), args);
    p.waitForStarted();
    p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool TestServer::start()
{
    if (isRunning())
        return true;
    if (m_port == 0)
        m_port = freePort();
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FLOWVIZ_DATABASE_URL"), databaseUrl());
    env.insert(QStringLiteral("FLOWVIZ_JWT_SECRET"), QString::fromLatin1(kJwtSecret));
    env.insert(QStringLiteral("FLOWVIZ_LISTEN"), QStringLiteral("127.0.0.1:%1").arg(m_port));
    if (!env.contains(QStringLiteral("FLOWVIZ_POOL_SIZE")))
        env.insert(QStringLiteral("FLOWVIZ_POOL_SIZE"), QStringLiteral("12"));
    m_process->setProcessEnvironment(env);
    // To a file, not a pipe: a chatty server must never block on a full pipe.
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(logPath(), QIODevice::Append);
    m_process->start(serverBinary(), m_extraArgs);
    if (!m_process->waitForStarted(10000))
        return false;

    HttpClient client(baseUrl());
    QElapsedTimer timer;
    timer.start();
    bool ready = false;
    while (timer.elapsed() < 30000 && m_process->state() == QProcess::Running) {
        if (client.send("GET", QStringLiteral("/ready"), {}, {}, 2000).status == 200) {
            ready = true;
            break;
        }
        QThread::msleep(50);
    }
    if (!ready) {
        qWarning("flowviz-server did not become ready:\n%s", qPrintable(serverOutput()));
        return false;
    }
    if (!m_usersCreated) {
        for (const char *role : {"admin", "manager", "auditor", "operator", "viewer"}) {
            const QString name = QString::fromLatin1(role);
            QString out;
            const int code = runCommand(
                {QStringLiteral("user"), QStringLiteral("add"), name, QStringLiteral("--role"),
                 name.toUpper(), QStringLiteral("--full-name"), QStringLiteral("Test ") + name},
                passwordOf(name).toUtf8() + '\n', &out);
            if (code != 0 && code != 3) {
                qWarning("user add %s failed (%d): %s", role, code, qPrintable(out));
                return false;
            }
        }
        m_usersCreated = true;
    }
    return true;
}

void TestServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(15000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
}

void TestServer::terminate()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        m_process->terminate();
}

int TestServer::exitCode() const
{
    if (!m_process || m_process->state() != QProcess::NotRunning)
        return -1;
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

void TestServer::kill()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool TestServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QUrl TestServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QString TestServer::logPath() const
{
    return QDir::temp().filePath(m_name + QStringLiteral(".server.log"));
}

QString TestServer::serverOutput() const
{
    QFile f(logPath());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const qint64 size = f.size();
    f.seek(std::max<qint64>(0, size - 20000));
    return QString::fromUtf8(f.readAll());
}

} // namespace flowviz::test
