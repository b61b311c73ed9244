#pragma once

#include "app/core/consolesettings.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace flowviz::app {
class SettingsController;
}

namespace flowviz::ui {

// The workstation's configuration: server, site and workstation id, language, label printer
// and size, scanner prefix/suffix, idle lock and the plant's shift start times. Save applies
// everything at once.
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(flowviz::app::SettingsController *settings, QWidget *parent = nullptr);

    // The form as settings (not yet applied); shift start times that cannot be read give an
    // empty list.
    flowviz::app::ConsoleSettings formSettings() const;
    QString errorText() const;

public slots:
    // Validates, applies through SettingsController::apply and stores. False on an error,
    // which is shown on the page.
    bool save();
    // Shows the settings in use.
    void load();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void browseCa();
    void showResult(const QString &message, bool error);

    flowviz::app::SettingsController *m_settings;
    QLabel *m_title = nullptr;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_serverUrl = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_caBrowse = nullptr;
    QLineEdit *m_site = nullptr;
    QLineEdit *m_workstation = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_printer = nullptr;
    QDoubleSpinBox *m_labelWidth = nullptr;
    QDoubleSpinBox *m_labelHeight = nullptr;
    QLineEdit *m_scannerPrefix = nullptr;
    QLineEdit *m_scannerSuffix = nullptr;
    QSpinBox *m_idleMinutes = nullptr;
    QLineEdit *m_shiftStarts = nullptr;
    QPushButton *m_saveButton = nullptr;
    QLabel *m_result = nullptr;
};

} // namespace flowviz::ui
