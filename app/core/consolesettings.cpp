#include "consolesettings.h"

#include <QSettings>

namespace flowviz::app {

ConsoleSettings ConsoleSettings::load()
{
    const ConsoleSettings defaults;
    ConsoleSettings s;
    QSettings q(QStringLiteral("FlowViz"), QStringLiteral("flowviz-console"));
    s.serverUrl =
        QUrl(q.value(QStringLiteral("server/url"), defaults.serverUrl.toString()).toString());
    s.caFile = q.value(QStringLiteral("server/caFile"), defaults.caFile).toString();
    s.site = q.value(QStringLiteral("workstation/site"), defaults.site).toString();
    s.workstation = q.value(QStringLiteral("workstation/id"), defaults.workstation).toString();
    s.language = q.value(QStringLiteral("ui/language"), defaults.language).toString();
    s.labelPrinter = q.value(QStringLiteral("labels/printer"), defaults.labelPrinter).toString();
    const double w =
        q.value(QStringLiteral("labels/widthMm"), defaults.labelSizeMm.width()).toDouble();
    const double h =
        q.value(QStringLiteral("labels/heightMm"), defaults.labelSizeMm.height()).toDouble();
    s.labelSizeMm = (w > 0 && h > 0) ? QSizeF(w, h) : defaults.labelSizeMm;
    s.scannerPrefix = q.value(QStringLiteral("scanner/prefix"), defaults.scannerPrefix).toString();
    s.scannerSuffix = q.value(QStringLiteral("scanner/suffix"), defaults.scannerSuffix).toString();
    s.idleLockMinutes =
        q.value(QStringLiteral("ui/idleLockMinutes"), defaults.idleLockMinutes).toInt();
    if (s.idleLockMinutes < 0)
        s.idleLockMinutes = defaults.idleLockMinutes;
    return s;
}

void ConsoleSettings::save() const
{
    QSettings q(QStringLiteral("FlowViz"), QStringLiteral("flowviz-console"));
    q.setValue(QStringLiteral("server/url"), serverUrl.toString());
    q.setValue(QStringLiteral("server/caFile"), caFile);
    q.setValue(QStringLiteral("workstation/site"), site);
    q.setValue(QStringLiteral("workstation/id"), workstation);
    q.setValue(QStringLiteral("ui/language"), language);
    q.setValue(QStringLiteral("labels/printer"), labelPrinter);
    q.setValue(QStringLiteral("labels/widthMm"), labelSizeMm.width());
    q.setValue(QStringLiteral("labels/heightMm"), labelSizeMm.height());
    q.setValue(QStringLiteral("scanner/prefix"), scannerPrefix);
    q.setValue(QStringLiteral("scanner/suffix"), scannerSuffix);
    q.setValue(QStringLiteral("ui/idleLockMinutes"), idleLockMinutes);
    q.sync();
}

} // namespace flowviz::app
