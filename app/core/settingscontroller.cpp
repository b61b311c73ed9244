#include "app/core/settingscontroller.h"

#include "app/api/apiclient.h"
#include "app/cache/cacherefresher.h"
#include "app/codes/lotcodegenerator.h"
#include "app/models/gatesmodel.h"
#include "app/session/session.h"
#include "app/sync/syncengine.h"

namespace flowviz::app {

SettingsController::SettingsController(const ConsoleSettings &settings, const Targets &targets,
                                       QObject *parent)
    : QObject(parent), m_settings(settings), m_targets(targets)
{}

void SettingsController::applyConnection(ApiClient *api, const ConsoleSettings &settings)
{
    api->setBaseUrl(settings.serverUrl);
    if (!settings.caFile.isEmpty())
        api->setCaBundle(settings.caFile);
}

bool SettingsController::apply(const ConsoleSettings &settings, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (const auto problem = LotCodeGenerator::checkSite(settings.site))
        return fail(*problem);
    if (const auto problem = LotCodeGenerator::checkWorkstation(settings.workstation))
        return fail(*problem);
    if (!settings.serverUrl.isValid() || settings.serverUrl.scheme().isEmpty() ||
        settings.serverUrl.host().isEmpty())
        return fail(tr("The server address is not a valid URL. Enter it like "
                       "https://flowviz.example:8443."));
    if (!settings.caFile.isEmpty()) {
        ApiClient probe;
        QString caError;
        if (!probe.setCaBundle(settings.caFile, &caError))
            return fail(tr("The CA file cannot be used: %1").arg(caError));
    }

    const bool connectionChanged =
        settings.serverUrl != m_settings.serverUrl || settings.caFile != m_settings.caFile;
    m_settings = settings;
    m_settings.site = settings.site.trimmed().toUpper();
    m_settings.workstation = settings.workstation.trimmed().toUpper();
    // Lot codes and the sync engine keep the identity they started with, so that codes and
    // the workstation id never disagree; the new one is used after a restart.
    m_restartRequired = m_settings.site != m_targets.codes->site() ||
                        m_settings.workstation != m_targets.codes->workstation();
    if (connectionChanged)
        applyConnection(m_targets.api, m_settings);
    m_targets.gates->setLanguage(m_settings.language);
    if (connectionChanged) {
        m_targets.sync->syncNow();
        if (m_targets.session->isValid())
            m_targets.refresher->refresh();
    }
    emit settingsChanged();
    return true;
}

} // namespace flowviz::app
