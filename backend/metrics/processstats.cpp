#include "backend/metrics/processstats.h"

#include <QDir>
#include <QFile>

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <unistd.h>

namespace flowviz::metrics {

namespace {

QList<QByteArray> statFields()
{
    QFile f(QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = f.readAll();
    // The command name may hold spaces; fields are counted after its closing parenthesis.
    const qsizetype close = line.lastIndexOf(')');
    return line.mid(close + 2).split(' ');
}

double bootTime()
{
    QFile f(QStringLiteral("/proc/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("btime "))
            return line.mid(6).trimmed().toDouble();
    }
    return 0;
}

} // namespace

ProcessStats::ProcessStats(prometheus::Registry &registry)
    : m_resident(prometheus::BuildGauge()
                     .Name("process_resident_memory_bytes")
                     .Help("Resident memory size in bytes.")
                     .Register(registry)
                     .Add({})),
      m_virtual(prometheus::BuildGauge()
                    .Name("process_virtual_memory_bytes")
                    .Help("Virtual memory size in bytes.")
                    .Register(registry)
                    .Add({})),
      m_openFds(prometheus::BuildGauge()
                    .Name("process_open_fds")
                    .Help("Number of open file descriptors.")
                    .Register(registry)
                    .Add({})),
      m_maxFds(prometheus::BuildGauge()
                   .Name("process_max_fds")
                   .Help("Maximum number of open file descriptors.")
                   .Register(registry)
                   .Add({})),
      m_startTime(prometheus::BuildGauge()
                      .Name("process_start_time_seconds")
                      .Help("Start time of the process since the Unix epoch in seconds.")
                      .Register(registry)
                      .Add({})),
      m_cpuCounter(prometheus::BuildCounter()
                       .Name("process_cpu_seconds_total")
                       .Help("Total user and system CPU time spent in seconds.")
                       .Register(registry)
                       .Add({}))
{
    const QList<QByteArray> f = statFields();
    const double ticks = double(sysconf(_SC_CLK_TCK));
    // Field 22 of /proc/self/stat (index 19 after the name) is the start time in ticks since boot.
    if (f.size() > 19)
        m_startTime.Set(bootTime() + f[19].toDouble() / ticks);
    refresh();
}

void ProcessStats::refresh()
{
    const QList<QByteArray> f = statFields();
    const double ticks = double(sysconf(_SC_CLK_TCK));
    if (f.size() > 21) {
        const double cpu = (f[11].toDouble() + f[12].toDouble()) / ticks; // utime + stime
        if (cpu > m_cpuSeen) {
            m_cpuCounter.Increment(cpu - m_cpuSeen);
            m_cpuSeen = cpu;
        }
        m_virtual.Set(f[20].toDouble());
        m_resident.Set(f[21].toDouble() * double(sysconf(_SC_PAGESIZE)));
    }
    m_openFds.Set(
        double(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System).size()));
    m_maxFds.Set(double(sysconf(_SC_OPEN_MAX)));
}

} // namespace flowviz::metrics
