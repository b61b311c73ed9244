#pragma once

namespace prometheus {
class Registry;
class Gauge;
class Counter;
} // namespace prometheus

namespace flowviz::metrics {

// The standard process_* metrics (as client_golang and client_python export them), read
// from /proc/self; prometheus-cpp has none of its own.
class ProcessStats
{
public:
    explicit ProcessStats(prometheus::Registry &registry);
    void refresh();

private:
    prometheus::Gauge &m_resident;
    prometheus::Gauge &m_virtual;
    prometheus::Gauge &m_openFds;
    prometheus::Gauge &m_maxFds;
    prometheus::Gauge &m_startTime;
    prometheus::Counter &m_cpuCounter;
    double m_cpuSeen = 0;
};

} // namespace flowviz::metrics
